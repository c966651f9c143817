import type { HazardDetail, TreatmentPlan } from '@anlan/contracts';
import { App, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSavePlan } from '../../api/hazards';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { useServerErrors } from '../../components/useServerErrors';
import { planParts } from './planParts';

/** The six parts, each required (2–4000 characters). */
export function PlanForm({ hazard, onDone }: { hazard: HazardDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TreatmentPlan>();
  const save = useSavePlan(hazard.id);
  const errors = useServerErrors(form, planParts);
  const submit = (plan: TreatmentPlan) => {
    errors.clear();
    save.mutate(plan, {
      onSuccess: () => {
        void message.success(t('plan.saved'));
        onDone();
      },
      onError: errors.report,
    });
  };
  return (
    <Form<TreatmentPlan> form={form} layout="vertical" initialValues={hazard.plan ?? undefined} onFinish={submit}>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      {planParts.map((part) => (
        <Form.Item key={part} name={part} label={t(`plan.${part}`)} rules={[{ required: true, whitespace: true, min: 2, message: t('plan.partRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
      ))}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
