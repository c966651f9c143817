import type { HazardDetail } from '@anlan/contracts';
import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHazardTransition } from '../../../api/hazards';
import { newIdempotencyKey } from '../../../api/idempotency';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useServerErrors } from '../../../components/useServerErrors';
import { useHazardLabels } from '../../hazards/labels';
import { FormButtons } from './FormButtons';
import { transitionBody, transitionFields, type TransitionAction, type TransitionValues } from './transitionBody';
import { TransitionFields } from './TransitionFields';

/**
 * One move along the closed loop. The Idempotency-Key is made when the form opens and reused if the
 * user submits again after a lost answer, so the move is recorded once.
 */
export function TransitionForm({ action, hazard, onDone }: { action: TransitionAction; hazard: HazardDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransitionValues>();
  const [key] = useState(newIdempotencyKey);
  const transition = useHazardTransition(hazard.id);
  const errors = useServerErrors(form, transitionFields);
  const submit = (values: TransitionValues) => {
    errors.clear();
    transition.mutate(
      { body: transitionBody(action, values), key },
      {
        onSuccess: () => {
          void message.success(t('action.done', { action: labels.action(action) }));
          onDone();
        },
        onError: errors.report,
      },
    );
  };
  return (
    <Form<TransitionValues> form={form} layout="vertical" onFinish={submit}>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <TransitionFields action={action} hazard={hazard} />
      <FormButtons label={labels.action(action)} pending={transition.isPending} onCancel={onDone} danger={action === 'void' || action === 'recheck_fail'} />
    </Form>
  );
}
