import type { MonitoringRates } from '@anlan/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatRate, rateKeys, rateVerdict, verdictColour, type Targets } from './rates';

/** The five rates as large figures, each coloured against its target and saying whether it was met. */
export function RateCards({ rates, targets }: { rates: MonitoringRates; targets: Targets }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid="report-rates">
      {rateKeys.map((key) => {
        const verdict = rateVerdict(key, rates[key], targets);
        return (
          <Col flex="1 1 180px" key={key}>
            <Card size="small" style={{ borderTop: `3px solid ${verdictColour[verdict]}` }}>
              <Statistic
                title={t(`reports.rate.${key}`)}
                value={formatRate(rates[key])}
                styles={{ content: { color: verdictColour[verdict], fontWeight: 600 } }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-rate={key} data-verdict={verdict}>
                {t(key === 'drift' ? 'reports.targetMax' : 'reports.targetMin', { value: targets[key] })} · {t(`reports.verdict.${verdict}`)}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
