import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CarrierSelect } from '../monitor/CarrierSelect';
import { vehicleParamNames, type VehicleParams } from './vehicleParams';

interface Props {
  value: VehicleParams;
  onChange: (params: VehicleParams) => void;
  byCarrier: boolean;
}

/** Plate or terminal number, and the carrier for regulators; the status is chosen with the counts above. */
export function VehicleFilterBar({ value, onChange, byCarrier }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VehicleParams>();
  const key = vehicleParamNames.map((name) => value[name] ?? '').join('|');
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value);
  }, [form, key]);
  return (
    <Form<VehicleParams> form={form} layout="inline" onFinish={(v) => onChange({ ...v, status: value.status })} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="q" label={t('vehicles.q')}>
        <Input allowClear maxLength={20} placeholder={t('vehicles.qPlaceholder')} />
      </Form.Item>
      {byCarrier && (
        <Form.Item name="organisationId" label={t('vehicles.carrier')}>
          <CarrierSelect />
        </Form.Item>
      )}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
      </Flex>
    </Form>
  );
}
