import type { Hazard, HazardStatus, SubjectType } from '@anlan/contracts';
import { Col } from 'antd';
import { useTranslation } from 'react-i18next';
import { primaryColour, riskColours } from '../../theme';
import { useHazardLabels } from '../hazards/labels';
import { BreakdownCard } from './BreakdownCard';
import { countBy } from './trend';

const statusColour: Partial<Record<HazardStatus, string>> = {
  found: riskColours.major,
  notice_issued: riskColours.significant,
  rectifying: riskColours.significant,
  submitted: riskColours.general,
  verified: riskColours.general,
};

interface Props {
  open: readonly Hazard[] | undefined;
  loading: boolean;
  ledgerLinks: boolean;
}

/** Open hazards by subject type and by status, as two cards in a row. */
export function Breakdowns({ open = [], loading, ledgerLinks }: Props) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const href = (filter: string) => (ledgerLinks ? `/hazards?status=open&${filter}` : undefined);
  const byType = countBy<SubjectType>(open, (h) => h.subjectType).map(([type, count]) => ({
    key: type,
    label: t(`subjectType.${type}`),
    count,
    colour: primaryColour,
    href: href(`subjectType=${type}`),
  }));
  const byStatus = countBy<HazardStatus>(open, (h) => h.status).map(([status, count]) => ({
    key: status,
    label: labels.status(status),
    count,
    colour: statusColour[status] ?? primaryColour,
    href: ledgerLinks ? `/hazards?status=${status}` : undefined,
  }));
  return (
    <>
      <Col xs={24} lg={12}>
        <BreakdownCard title={t('dashboard.bySubjectType')} rows={byType} loading={loading} testId="by-subject-type" />
      </Col>
      <Col xs={24} lg={12}>
        <BreakdownCard title={t('dashboard.byStatus')} rows={byStatus} loading={loading} testId="by-status" />
      </Col>
    </>
  );
}
