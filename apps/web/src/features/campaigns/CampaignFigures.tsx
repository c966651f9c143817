import type { CampaignStatistics } from '@anlan/contracts';
import { Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskColours } from '../../theme';

/** A campaign's figures in the shape the district publishes them. */
export function CampaignFigures({ stats }: { stats: CampaignStatistics }) {
  const { t } = useTranslation();
  const subjects = Object.entries(stats.subjectsInspected);
  const figures: { key: string; title: string; value: number | string; suffix?: string; colour?: string }[] = [
    { key: 'visits', title: t('campaign.inspectorVisits'), value: stats.inspectorVisits, suffix: t('campaign.personTimes') },
    ...subjects.map(([type, n]) => ({ key: `subjects-${type}`, title: t('campaign.subjectsInspected', { type: t(`subjectType.${type as 'household'}`) }), value: n })),
    { key: 'hazards', title: t('campaign.hazardsFound'), value: stats.hazardsFound, suffix: t('dashboard.items') },
    { key: 'major', title: t('campaign.majorHazards'), value: stats.majorHazards, colour: riskColours.major },
    { key: 'rectify', title: t('noticeKind.rectify'), value: stats.notices.rectify, suffix: t('campaign.copies') },
    { key: 'stop', title: t('noticeKind.stop_work'), value: stats.notices.stop_work, suffix: t('campaign.copies') },
    { key: 'cases', title: t('campaign.cases'), value: stats.cases },
    { key: 'rectified', title: t('campaign.rectified'), value: stats.rectified },
    { key: 'open', title: t('campaign.open'), value: stats.open, colour: stats.open > 0 ? riskColours.significant : undefined },
    { key: 'overdue', title: t('campaign.overdue'), value: stats.overdue, colour: stats.overdue > 0 ? riskColours.major : undefined },
    { key: 'rate', title: t('campaign.closureRate'), value: `${(stats.closureRate * 100).toFixed(1)}%` },
    { key: 'leaflets', title: t('campaign.leaflets'), value: stats.leaflets },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="campaign-figures">
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={8} xl={6} xxl={4}>
          <Statistic title={f.title} value={f.value} suffix={f.suffix} styles={f.colour ? { content: { color: f.colour } } : undefined} />
        </Col>
      ))}
    </Row>
  );
}
