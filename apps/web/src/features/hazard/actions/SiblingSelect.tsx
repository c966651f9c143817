import type { HazardDetail } from '@anlan/contracts';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../../api/hazards';

/** Another hazard of the same subject (the one this hazard duplicates). */
export function SiblingSelect({ hazard, value, onChange }: { hazard: HazardDetail; value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const siblings = useLedger({ subjectId: hazard.subjectId }, 200, 0);
  return (
    <Select
      allowClear
      value={value}
      onChange={onChange}
      loading={siblings.isPending}
      placeholder={t('action.duplicatePlaceholder')}
      options={(siblings.data?.items ?? []).filter((h) => h.id !== hazard.id).map((h) => ({ value: h.id, label: `${h.code} ${h.description}` }))}
    />
  );
}
