import type { PublicReportTriage } from '@anlan/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colours: Record<PublicReportTriage, string> = { pending: 'gold', accepted: 'green', rejected: 'default' };

export function TriageTag({ triage }: { triage: PublicReportTriage }) {
  const { t } = useTranslation();
  return <Tag color={colours[triage]}>{t(`publicReports.triage.${triage}`)}</Tag>;
}
