import { subjectTypes, type Checklist, type SubjectType } from '@anlan/contracts';
import { Card, Form, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../api/campaigns';
import { useSubject } from '../../api/subjects';
import { SubjectSelect } from '../../components/SubjectSelect';
import type { Draft } from './draftTypes';
import { GpsButton } from './GpsButton';
import { useDraftEditor } from './useDraftEditor';

/** Campaign, subject and checklist of the inspection, and where it is. */
export function SetupCard({ draft, checklists, disabled }: { draft: Draft; checklists: readonly Checklist[]; disabled: boolean }) {
  const { t } = useTranslation();
  const edit = useDraftEditor(draft.id);
  const campaigns = useCampaigns();
  const campaign = campaigns.data?.find((c) => c.id === draft.campaignId);
  const types = campaign ? campaign.subjectTypes : subjectTypes;
  const subject = useSubject(draft.subjectId);
  const type = draft.subjectType ?? subject.data?.type;
  const fitting = checklists.filter((c) => type !== undefined && c.subjectTypes.includes(type));
  // One checklist fits the subject: choose it.
  const only = fitting.length === 1 ? fitting[0]!.id : undefined;
  useEffect(() => {
    if (only && draft.checklistId !== only && !disabled) edit.set({ checklistId: only, answers: {} });
  }, [only, draft.checklistId, disabled, edit]);
  return (
    <Card size="small" title={t('inspect.setup')}>
      <Form layout="vertical" disabled={disabled}>
        <Form.Item label={t('inspect.campaign')}>
          <Select
            size="large"
            allowClear
            value={draft.campaignId}
            placeholder={t('inspect.noCampaign')}
            loading={campaigns.isPending}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(campaignId: string | undefined) => edit.set({ campaignId })}
          />
        </Form.Item>
        <Form.Item label={t('inspect.subjectType')}>
          <Select<SubjectType>
            size="large"
            value={draft.subjectType}
            options={types.map((v) => ({ value: v, label: t(`subjectType.${v}`) }))}
            onChange={(subjectType) => edit.set({ subjectType, subjectId: undefined, subjectName: undefined, checklistId: undefined, answers: {} })}
          />
        </Form.Item>
        <Form.Item label={t('inspect.subject')} required>
          <SubjectSelect
            size="large"
            type={draft.subjectType}
            value={draft.subjectId}
            onChange={(subjectId, subjectName) => edit.set({ subjectId, subjectName })}
          />
        </Form.Item>
        <Form.Item label={t('inspect.checklist')} required>
          <Select
            size="large"
            value={draft.checklistId}
            placeholder={type ? t('inspect.chooseChecklist') : t('inspect.subjectFirst')}
            options={fitting.map((c) => ({ value: c.id, label: `${c.name} v${c.version}` }))}
            onChange={(checklistId: string) => edit.set({ checklistId, answers: {} })}
          />
        </Form.Item>
        <Form.Item label={t('inspect.leaflets')}>
          <InputNumber size="large" min={0} max={10000} value={draft.leaflets ?? 0} onChange={(v) => edit.set({ leaflets: v ?? 0 })} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      <GpsButton draft={draft} disabled={disabled} />
    </Card>
  );
}
