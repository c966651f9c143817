import type { RiskBoard } from '@anlan/contracts';
import { Card, Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { riskColourHex } from '../../theme';
import { coloursBySeverity, riskTrendOption } from './boardCharts';

/** Subjects per colour at each day's end over the last 30 days. */
export function RiskTrendCard({ board, loading }: { board: RiskBoard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const title = t('risk.trend');
  const days = board?.trend ?? [];
  const option = useMemo(() => riskTrendOption(days, (c) => t(`riskColour.${c}`), title), [days, t, title]);
  const legend = (
    <Flex gap={12} wrap>
      {coloursBySeverity.map((c) => (
        <Typography.Text key={c} type="secondary" style={{ fontSize: 12 }}>
          <span
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: 2,
              background: riskColourHex[c],
              marginInlineEnd: 4,
            }}
          />
          {t(`riskColour.${c}`)}
        </Typography.Text>
      ))}
    </Flex>
  );
  return (
    <Card title={title} loading={loading} extra={legend} style={{ height: '100%' }}>
      {days.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div data-testid="risk-trend" role="img" aria-label={title}>
          <EChart option={option} height={240} />
        </div>
      )}
    </Card>
  );
}
