import type { EscalationLevel, SetEscalation } from '@anlan/contracts';
import { App, Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClearEscalation, useSetEscalation } from '../../api/risk';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { useServerErrors } from '../../components/useServerErrors';

const levels: readonly EscalationLevel[] = ['none', 'listed', 'escalated'];
const setFields = ['level', 'reason'] as const satisfies readonly (keyof SetEscalation)[];

/** A leader's or admin's own level with the reason; it holds until cleared. */
export function SetEscalationForm({
  subjectId,
  current,
  onDone,
}: {
  subjectId: string;
  current: EscalationLevel;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SetEscalation>();
  const set = useSetEscalation(subjectId);
  const errors = useServerErrors(form, setFields);
  const submit = (values: SetEscalation) => {
    errors.clear();
    set.mutate(values, {
      onSuccess: () => {
        void message.success(t('risk.escalationSet'));
        onDone();
      },
      onError: errors.report,
    });
  };
  return (
    <Form<SetEscalation>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ level: current === 'none' ? 'listed' : 'escalated' }}
    >
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Form.Item name="level" label={t('risk.ladderStep')} rules={[{ required: true }]}>
        <Select options={levels.map((l) => ({ value: l, label: t(`risk.level.${l}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('risk.reason')} rules={[{ required: true, min: 2, max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="action-confirm">
          {t('risk.setEscalation')}
        </Button>
      </Flex>
    </Form>
  );
}

/** Clears the manual level; the rules decide again at once. */
export function ClearEscalationForm({ subjectId, onDone }: { subjectId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const clear = useClearEscalation(subjectId);
  const errors = useServerErrors(form, ['reason']);
  const submit = ({ reason }: { reason?: string }) => {
    errors.clear();
    clear.mutate(reason?.trim() || undefined, {
      onSuccess: () => {
        void message.success(t('risk.escalationCleared'));
        onDone();
      },
      onError: errors.report,
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Form.Item name="reason" label={t('risk.reasonOptional')} rules={[{ min: 2, max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" danger htmlType="submit" loading={clear.isPending} data-testid="action-confirm">
          {t('risk.clearEscalation')}
        </Button>
      </Flex>
    </Form>
  );
}
