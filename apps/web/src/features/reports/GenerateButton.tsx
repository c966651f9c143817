import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGenerateMonitoringReport } from '../../api/monitoring-reports';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { useServerErrors } from '../../components/useServerErrors';
import { districtDay } from '../../i18n/format';

interface Values {
  day: string;
}
const fields = ['day'] as const;

/**
 * 立即生成 (admin, monitor): computes a day now and replaces what was stored; a day that has not ended is refused by
 * the server, with the field named. Without a carrier: the district's report and every carrier's.
 */
export function GenerateButton({ day, organisationId, label }: { day?: string; organisationId?: string; label?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const generate = useGenerateMonitoringReport();
  const errors = useServerErrors(form, fields);
  const yesterday = districtDay(Date.now() - 86_400_000);
  const submit = ({ day: chosen }: Values) => {
    errors.clear();
    generate.mutate(
      { day: chosen, organisationId },
      {
        onSuccess: (items) => {
          void message.success(t('reports.generated', { day: chosen, count: items.length }));
          setOpen(false);
        },
        onError: errors.report,
      },
    );
  };
  return (
    <>
      <Button icon={<ThunderboltOutlined />} onClick={() => setOpen(true)} data-testid="report-generate">
        {label ?? t('reports.generate')}
      </Button>
      <Modal open={open} title={t('reports.generate')} footer={null} destroyOnHidden onCancel={() => setOpen(false)}>
        <Form<Values> form={form} layout="vertical" initialValues={{ day: day ?? yesterday }} onFinish={submit}>
          <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
          <Form.Item name="day" label={t('reports.day')} extra={t('reports.generateHint')} rules={[{ required: true, message: t('reports.dayRequired') }]}>
            <Input type="date" max={yesterday} />
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={generate.isPending} data-testid="action-confirm">
              {t('reports.generate')}
            </Button>
          </Flex>
        </Form>
      </Modal>
    </>
  );
}
