import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatRate, rateVerdict, verdictColour, type RateKey, type Targets } from './rates';

/** A rate coloured against its target (green met, red missed, grey nothing to measure), the target on hover. */
export function RateCell({ rateKey, value, targets }: { rateKey: RateKey; value: number | null; targets: Targets }) {
  const { t } = useTranslation();
  const verdict = rateVerdict(rateKey, value, targets);
  const target = t(rateKey === 'drift' ? 'reports.targetMax' : 'reports.targetMin', { value: targets[rateKey] });
  return (
    <Tooltip title={`${t(`reports.rate.${rateKey}`)} ${target}`}>
      <Typography.Text strong style={{ color: verdictColour[verdict], whiteSpace: 'nowrap' }} data-rate={rateKey} data-verdict={verdict}>
        {formatRate(value)}
      </Typography.Text>
    </Tooltip>
  );
}
