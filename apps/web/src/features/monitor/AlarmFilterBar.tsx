import { alarmSeverities, alarmTypes } from '@anlan/contracts';
import { SearchOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { VehicleSelect } from '../vehicles/VehicleSelect';
import { alarmParamNames, statusChoices, type AlarmParams } from './alarmParams';
import { CarrierSelect } from './CarrierSelect';
import { useAlarmLabels } from './labels';

interface Props {
  value: AlarmParams;
  onChange: (params: AlarmParams) => void;
  /** Regulators filter by carrier; a carrier's own users see only their vehicles anyway. */
  byCarrier: boolean;
}

const col = { xs: 24, sm: 12, lg: 8, xxl: 6 };

/** The queue's filters; 查询 applies them (into the URL), 重置 clears them. */
export function AlarmFilterBar({ value, onChange, byCarrier }: Props) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const [form] = Form.useForm<AlarmParams>();
  const organisationId = Form.useWatch('organisationId', form);
  // Follow the URL (back/forward, reset, links from other pages).
  const key = alarmParamNames.map((name) => value[name] ?? '').join('|');
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value);
  }, [form, key]);
  const select = (options: { value: string; label: string }[]) => <Select allowClear options={options} placeholder={t('common.all')} />;
  const statusLabel = (s: (typeof statusChoices)[number]) =>
    s === 'unhandled' ? t('alarms.unhandled') : s === 'done' ? t('alarms.done') : labels.status(s);
  return (
    <Form<AlarmParams> form={form} layout="vertical" onFinish={onChange} style={{ marginBottom: 8 }} data-testid="alarm-filters">
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="status" label={t('alarms.status')}>
            {select(statusChoices.map((s) => ({ value: s, label: statusLabel(s) })))}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="type" label={t('alarms.type')}>
            {select(alarmTypes.map((v) => ({ value: v, label: labels.type(v) })))}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="severity" label={t('alarms.severity')}>
            {select(alarmSeverities.map((v) => ({ value: v, label: labels.severity(v) })))}
          </Form.Item>
        </Col>
        {byCarrier && (
          <Col {...col}>
            <Form.Item name="organisationId" label={t('alarms.carrier')}>
              <CarrierSelect />
            </Form.Item>
          </Col>
        )}
        <Col {...col}>
          <Form.Item name="vehicleId" label={t('alarms.vehicle')}>
            <VehicleSelect organisationId={organisationId} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="escalated" label={t('alarms.escalatedFilter')}>
            {select([{ value: 'true', label: t('alarms.escalatedOnly') }])}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="from" label={t('alarms.from')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="to" label={t('alarms.to')}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button onClick={() => onChange({})}>{t('common.reset')}</Button>
      </Flex>
    </Form>
  );
}
