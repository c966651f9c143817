import type { Hazard } from '@anlan/contracts';
import { Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { riskColours } from '../../theme';
import { trendOption } from './chartOptions';
import { openPerDay } from './trend';

interface Props {
  hazards: readonly Hazard[] | undefined;
  loading: boolean;
  /** First and last district day of the trend, `YYYY-MM-DD`. */
  first: string;
  last: string;
  subtitle?: string;
}

/** Open hazards at the end of each day: the line that should run down to zero. */
export function TrendCard({ hazards, loading, first, last, subtitle }: Props) {
  const { t } = useTranslation();
  const title = t('dashboard.trendTitle', { first, last });
  const option = useMemo(() => {
    const days = hazards ? openPerDay(hazards, first, last) : [];
    return days.length === 0 ? null : trendOption(days.map((d) => ({ label: d.day.slice(5), value: d.open })), riskColours.major, title);
  }, [hazards, first, last, title]);
  return (
    <Card title={t('dashboard.trend')} loading={loading} extra={subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>} style={{ height: '100%' }}>
      {option === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div data-testid="trend-chart" role="img" aria-label={title}>
          <EChart option={option} height={220} />
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0, marginTop: 8 }}>
        {t('dashboard.trendNote')}
      </Typography.Paragraph>
    </Card>
  );
}
