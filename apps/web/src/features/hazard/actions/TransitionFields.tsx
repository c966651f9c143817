import { escalationLevel, type HazardDetail } from '@anlan/contracts';
import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DeadlinePicker } from '../../../components/DeadlinePicker';
import { FileUpload } from '../../../components/FileUpload';
import { SiblingSelect } from './SiblingSelect';
import type { TransitionAction } from './transitionBody';

/** The inputs of one action: reasons, notes, photos and deadlines as the closed loop requires them. */
export function TransitionFields({ action, hazard }: { action: TransitionAction; hazard: HazardDetail }) {
  const { t } = useTranslation();
  const required = (message: string) => [{ required: true, whitespace: true, min: 2, message }];
  const note = (needed: boolean) => (
    <Form.Item name="note" label={t('action.note')} rules={needed ? required(t('action.noteRequired')) : undefined}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
    </Form.Item>
  );
  const reason = (
    <Form.Item name="reason" label={t('action.reason')} rules={required(t('action.reasonRequired'))}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
    </Form.Item>
  );
  const photos = (name: 'afterFileIds' | 'fileIds', label: string, needed: boolean) => (
    <Form.Item name={name} label={label} rules={needed ? [{ required: true, type: 'array', min: 1, message: t('action.photoRequired') }] : undefined}>
      <FileUpload />
    </Form.Item>
  );
  switch (action) {
    case 'start_rectifying':
    case 'close':
      return (
        <>
          {action === 'close' && hazard.level === 'major' && <Alert type="info" showIcon title={t('action.signOffHint')} style={{ marginBottom: 16 }} />}
          {note(false)}
        </>
      );
    case 'submit':
      return (
        <>
          {hazard.level === 'major' && !hazard.plan && <Alert type="warning" showIcon title={t('plan.requiredHint')} style={{ marginBottom: 16 }} />}
          <Form.Item name="description" label={t('action.description')} rules={required(t('action.descriptionRequired'))}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
          </Form.Item>
          {photos('afterFileIds', t('action.afterPhotos'), true)}
          <Form.Item
            name="acceptanceFileIds"
            label={t('action.acceptance')}
            extra={hazard.level === 'major' ? t('action.acceptanceHint') : undefined}
            rules={hazard.level === 'major' ? [{ required: true, type: 'array', min: 1, message: t('action.acceptanceRequired') }] : undefined}
          >
            <FileUpload kind="document" max={10} />
          </Form.Item>
        </>
      );
    case 'recheck_pass':
      return (
        <>
          {note(false)}
          {photos('fileIds', t('action.recheckPhotos'), false)}
        </>
      );
    case 'recheck_fail':
      return (
        <>
          {reason}
          <Form.Item name="newDeadline" label={t('action.newDeadline')} rules={[deadlineRule(t('action.deadlineFuture'))]}>
            <DeadlinePicker />
          </Form.Item>
        </>
      );
    case 'fix_on_spot':
      return (
        <>
          {note(true)}
          {photos('afterFileIds', t('action.afterPhotos'), true)}
        </>
      );
    case 'void':
      return (
        <>
          {reason}
          <Form.Item name="duplicateOf" label={t('action.duplicateOf')}>
            <SiblingSelect hazard={hazard} />
          </Form.Item>
        </>
      );
    case 'set_escalation':
      return (
        <>
          <Form.Item name="level" label={t('action.escalationLevel')} rules={[{ required: true, message: t('action.escalationRequired') }]}>
            <Select options={escalationLevel.options.filter((l) => l !== hazard.escalation).map((l) => ({ value: l, label: t(`escalation.${l}`) }))} />
          </Form.Item>
          {reason}
        </>
      );
  }
}

/** A deadline must lie in the future (the picker already refuses past days; this catches a stale form). */
export function deadlineRule(message: string) {
  return {
    required: true,
    message,
    validator: (_: unknown, value: string | undefined) =>
      value && Date.parse(value) > Date.now() ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
