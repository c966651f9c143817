import type { RiskPoint } from '@anlan/contracts';
import { Alert, App, Button, Flex, Form, Input, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssessRiskPoint, useRiskConfig } from '../../api/risk';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { useServerErrors } from '../../components/useServerErrors';
import { useCurrentUser } from '../auth/CurrentUser';
import {
  lecFactors,
  lsValues,
  toAssessment,
  valueKey,
  type AssessmentValues,
  type LecFactor,
} from './assessmentOptions';
import { AssessmentResult } from './AssessmentResult';
import { toGradingConfig } from './grading';

const fields = ['method', 'l', 'e', 'c', 's', 'note'] as const satisfies readonly (keyof AssessmentValues)[];

/**
 * LEC or LS for one risk point. L, E and C take only the published values; D, its band and the colour are worked out
 * as the user picks, with the district's bands in force (the server grades the same way when it stores it).
 */
export function AssessmentForm({ point, onDone }: { point: RiskPoint; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useCurrentUser();
  const [form] = Form.useForm<AssessmentValues>();
  const values = Form.useWatch([], form);
  const config = useRiskConfig();
  const grading = useMemo(() => toGradingConfig(config.data), [config.data]);
  const assess = useAssessRiskPoint(point.id);
  const errors = useServerErrors(form, fields);
  const method = values?.method ?? point.current?.method ?? 'lec';
  const submit = (v: AssessmentValues) => {
    const body = toAssessment(v);
    if (!body) return;
    errors.clear();
    assess.mutate(body, {
      onSuccess: () => {
        void message.success(t('risk.assess.saved'));
        onDone();
      },
      onError: errors.report,
    });
  };
  /** A factor's select; the test id sits on a wrapper, the value binding on the inner item. */
  const factorSelect = (factor: 'l' | 'e' | 'c' | 's', label: string, options: { value: number; label: string }[]) => (
    <Form.Item key={factor} label={label} required>
      <div data-testid={`assess-${factor}`}>
        <Form.Item name={factor} noStyle rules={[{ required: true }]}>
          <Select options={options} />
        </Form.Item>
      </div>
    </Form.Item>
  );
  const lecSelect = (factor: LecFactor) => {
    const meaning: Record<string, string> = t(`risk.assess.lecValue.${factor}`, { returnObjects: true });
    const options = lecFactors[factor].map((v) => ({ value: v, label: `${v} · ${meaning[valueKey(v)] ?? ''}` }));
    return factorSelect(factor, t(`risk.assess.lec.${factor}`), options);
  };
  const lsSelect = (factor: 'l' | 's') => {
    const options = lsValues.map((v) => ({ value: v, label: `${v} · ${t(`risk.assess.lsValue.${factor}.v${v}`)}` }));
    return factorSelect(factor, t(`risk.assess.ls.${factor}`), options);
  };
  return (
    <Form<AssessmentValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ method: point.current?.method ?? 'lec' }}
    >
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      {user.role === 'enterprise' && (
        <Alert type="info" showIcon title={t('risk.assess.selfNote')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="method" label={t('risk.assess.method')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'lec', label: t('risk.assess.lecName') },
            { value: 'ls', label: t('risk.assess.lsName') },
          ]}
          onChange={() => form.setFieldsValue({ l: undefined, e: undefined, c: undefined, s: undefined })}
        />
      </Form.Item>
      {method === 'lec' ? (['l', 'e', 'c'] as const).map(lecSelect) : (['l', 's'] as const).map(lsSelect)}
      <Form.Item label={t('risk.assess.result')}>
        <AssessmentResult assessment={toAssessment(values)} config={grading} />
      </Form.Item>
      <Form.Item name="note" label={t('risk.assess.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={assess.isPending} data-testid="action-confirm">
          {t('risk.assess.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
