import type { HazardDetail } from '@anlan/contracts';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/idempotency';
import { useOpenCase } from '../../../api/notices';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useServerErrors } from '../../../components/useServerErrors';
import { FormButtons } from './FormButtons';

interface Values {
  summary: string;
}

/** 立案查处 against the hazard's subject; the case runs beside the hazard and does not close it. */
export function OpenCaseForm({ hazard, onDone }: { hazard: HazardDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newIdempotencyKey);
  const open = useOpenCase();
  const errors = useServerErrors(form, ['summary']);
  const submit = ({ summary }: Values) => {
    errors.clear();
    open.mutate(
      { body: { subjectId: hazard.subjectId, hazardIds: [hazard.id], summary }, key },
      {
        onSuccess: (c) => {
          void message.success(t('case.opened', { number: c.number }));
          onDone();
        },
        onError: errors.report,
      },
    );
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit}>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Form.Item name="summary" label={t('case.summary')} rules={[{ required: true, whitespace: true, min: 2, message: t('case.summaryRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <FormButtons label={t('case.open')} pending={open.isPending} onCancel={onDone} />
    </Form>
  );
}
