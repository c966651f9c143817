import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventFilters } from '../../api/types';

interface Props {
  value: EventFilters;
  onChange: (filters: EventFilters) => void;
}

/** Filter by entity type and id. */
export function EventFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventFilters>();
  const { entityType, entityId } = value;
  // Follow the URL (back/forward, reset) without clobbering what is being typed between changes.
  useEffect(() => form.setFieldsValue({ entityType, entityId }), [form, entityType, entityId]);
  return (
    <Form<EventFilters> form={form} layout="inline" onFinish={onChange} style={{ rowGap: 8 }}>
      <Form.Item name="entityType" label={t('events.entityType')}>
        <Input allowClear maxLength={50} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="entityId" label={t('events.entityId')}>
        <Input allowClear maxLength={100} style={{ width: 300 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
