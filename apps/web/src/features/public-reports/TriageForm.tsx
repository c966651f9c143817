import type { HazardLevel, PublicReport, SubjectType } from '@anlan/contracts';
import { App, Button, Flex, Form, Input, Radio, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTriagePublicReport } from '../../api/public-reports';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { SubjectSelect } from '../../components/SubjectSelect';
import { useServerErrors } from '../../components/useServerErrors';

interface Values {
  subjectId?: string;
  level?: HazardLevel;
  description?: string;
  reason?: string;
}

const fields = ['subjectId', 'level', 'description', 'reason'] as const;
/** The contracts' list, spelled out so the page does not pull in zod at run time. */
const subjectTypes: readonly SubjectType[] = ['residential_estate', 'household', 'construction_site', 'chemical_enterprise', 'hazmat_carrier', 'public_place'];

/**
 * 受理 or 驳回 a pending report. Accepting records a hazard (source 群众举报) against the chosen subject, and the
 * hazard enters the closed loop; rejecting closes the report, and the reason is what the public reads.
 */
export function TriageForm({ report }: { report: PublicReport }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  // The service suggests the kind of subject (a gas smell: a residential estate); the inspector may pick another.
  const [subjectType, setSubjectType] = useState<SubjectType>(report.suggestedSubjectType);
  const triage = useTriagePublicReport(report.id);
  const errors = useServerErrors(form, fields);
  const submit = (v: Values) => {
    errors.clear();
    const body =
      decision === 'accept'
        ? { action: 'accept' as const, subjectId: v.subjectId!, level: v.level!, ...(v.description?.trim() ? { description: v.description.trim() } : {}) }
        : { action: 'reject' as const, reason: v.reason!.trim() };
    // mutateAsync: the form unmounts when the report leaves 待受理, and mutate's own callbacks would then not run.
    triage.mutateAsync(body).then(
      (r) => void message.success(r.hazardCode ? t('publicReports.accepted', { code: r.hazardCode }) : t('publicReports.rejected')),
      errors.report,
    );
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ level: 'general', description: report.description }} data-testid="triage-form">
      <Form.Item label={t('publicReports.decision')}>
        <Segmented
          value={decision}
          onChange={(d) => setDecision(d as 'accept' | 'reject')}
          options={[
            { value: 'accept', label: t('publicReports.accept') },
            { value: 'reject', label: t('publicReports.reject') },
          ]}
        />
      </Form.Item>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      {decision === 'accept' ? (
        <>
          <Form.Item label={t('publicReports.subject')} extra={t('publicReports.subjectHint')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Select<SubjectType>
                aria-label={t('publicReports.subjectType')}
                value={subjectType}
                style={{ width: 140 }}
                onChange={(next) => {
                  setSubjectType(next);
                  form.setFieldValue('subjectId', undefined);
                }}
                options={subjectTypes.map((type) => ({ value: type, label: t(`subjectType.${type}`) }))}
              />
              <Form.Item name="subjectId" noStyle rules={[{ required: true, message: t('publicReports.subjectRequired') }]}>
                <SubjectSelect type={subjectType} style={{ flex: 1 }} id="subjectId" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="level" label={t('hazard.level')} rules={[{ required: true }]}>
            <Radio.Group options={(['general', 'major'] as const).map((l) => ({ value: l, label: t(`hazardLevel.${l}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('publicReports.hazardDescription')} rules={[{ required: true, whitespace: true, min: 2, message: t('publicReports.descriptionRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="reason" label={t('publicReports.reason')} extra={t('publicReports.reasonHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('publicReports.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      )}
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={triage.isPending} danger={decision === 'reject'}>
          {decision === 'accept' ? t('publicReports.acceptSubmit') : t('publicReports.rejectSubmit')}
        </Button>
      </Flex>
    </Form>
  );
}
