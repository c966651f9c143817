import { noticeKind, type HazardDetail, type IssueNotice } from '@anlan/contracts';
import { App, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/idempotency';
import { useIssueNotice } from '../../../api/notices';
import { DeadlinePicker } from '../../../components/DeadlinePicker';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { withoutBlanks } from '../../../components/serverErrors';
import { useServerErrors } from '../../../components/useServerErrors';
import { FormButtons } from './FormButtons';
import { NoticeSiblings } from './NoticeSiblings';
import { deadlineRule } from './TransitionFields';

const fields = ['kind', 'hazardIds', 'deadline', 'recipient', 'stopWorkScope', 'legalBasis'] as const satisfies readonly (keyof IssueNotice)[];

/** 下达限期整改通知书 / 停工整改通知书: the server numbers it and renders the PDF. */
export function IssueNoticeForm({ hazard, onDone }: { hazard: HazardDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueNotice>();
  const [key] = useState(newIdempotencyKey);
  const issue = useIssueNotice();
  const errors = useServerErrors(form, fields);
  const kind = Form.useWatch('kind', form);
  const submit = (values: IssueNotice) => {
    errors.clear();
    issue.mutate(
      { body: withoutBlanks(values), key },
      {
        onSuccess: (notice) => {
          void message.success(t('notice.issued', { number: notice.number }));
          onDone();
        },
        onError: errors.report,
      },
    );
  };
  return (
    <Form<IssueNotice>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: hazard.level === 'major' ? 'stop_work' : 'rectify', hazardIds: [hazard.id] }}
    >
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Form.Item name="kind" label={t('notice.kind')} rules={[{ required: true }]}>
        <Segmented options={noticeKind.options.map((k) => ({ value: k, label: t(`noticeKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="hazardIds" label={t('notice.hazards')} extra={t('notice.hazardsHint')}>
        <NoticeSiblings hazard={hazard} />
      </Form.Item>
      <Form.Item name="deadline" label={t('notice.deadline')} rules={[deadlineRule(t('action.deadlineFuture'))]}>
        <DeadlinePicker />
      </Form.Item>
      <Form.Item name="recipient" label={t('notice.recipient')} extra={t('notice.recipientHint')}>
        <Input maxLength={100} />
      </Form.Item>
      {kind === 'stop_work' && (
        <Form.Item name="stopWorkScope" label={t('notice.stopWorkScope')} rules={[{ required: true, whitespace: true, min: 2, message: t('notice.stopWorkScopeRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      )}
      <Form.Item name="legalBasis" label={t('notice.legalBasis')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <FormButtons label={t('notice.issue')} pending={issue.isPending} onCancel={onDone} />
    </Form>
  );
}
