import { handlingMeasures, type AlarmAction, type AlarmDetail } from '@anlan/contracts';
import { Alert, App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAlarmAction } from '../../api/alarms';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { useServerErrors } from '../../components/useServerErrors';
import { FormButtons } from '../hazard/actions/FormButtons';
import { alarmActionBody, alarmActionFields, defaultReminder, type AlarmActionValues } from './actionBody';
import { useAlarmLabels } from './labels';

interface Props {
  action: AlarmAction;
  alarm: AlarmDetail;
  onDone: (detail: AlarmDetail) => void;
  onCancel: () => void;
}

/**
 * The form of one step. A reminder the terminal cannot take (offline, no answer) stays open with the server's
 * message, which says what to do instead; the attempt is in the history either way.
 */
export function AlarmActionForm({ action, alarm, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<AlarmActionValues>();
  const step = useAlarmAction(alarm.id);
  const errors = useServerErrors(form, alarmActionFields);
  const submit = (values: AlarmActionValues) => {
    errors.clear();
    step.mutate(alarmActionBody(action, values), {
      onSuccess: (detail) => {
        void message.success(t('alarms.actionDone', { action: labels.action(action) }));
        onDone(detail);
      },
      onError: errors.report,
    });
  };
  const note = (required: boolean) => (
    <Form.Item
      name="note"
      label={t('alarms.form.note')}
      rules={required ? [{ required: true, whitespace: true, min: 2, message: t('alarms.form.noteRequired') }] : undefined}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
    </Form.Item>
  );
  const driver = [alarm.vehicle.driverName, alarm.vehicle.driverPhone].filter(Boolean).join(' ');
  return (
    <Form<AlarmActionValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={action === 'remind' ? { text: defaultReminder(alarm.type) } : undefined}
      data-testid={`alarm-form-${action}`}
    >
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      {action === 'remind' && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('alarms.form.remindHint', { terminal: alarm.vehicle.terminalPhone })} description={driver ? t('alarms.form.driver', { driver }) : undefined} />
          <Form.Item name="text" label={t('alarms.form.text')} extra={t('alarms.form.textHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('alarms.form.textRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount />
          </Form.Item>
        </>
      )}
      {action === 'handle' && (
        <>
          <Form.Item name="measure" label={t('alarms.form.measure')} rules={[{ required: true, message: t('alarms.form.measureRequired') }]}>
            <Select options={handlingMeasures.map((m) => ({ value: m, label: labels.measure(m) }))} placeholder={t('alarms.form.measurePlaceholder')} />
          </Form.Item>
          {note(true)}
        </>
      )}
      {(action === 'acknowledge' || action === 'notify_carrier' || action === 'close') && note(false)}
      <FormButtons label={labels.action(action)} pending={step.isPending} onCancel={onCancel} danger={action === 'close'} />
    </Form>
  );
}
