import type { RiskFactor } from '@anlan/contracts';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalised } from './localised';

/** A subject's top factors in a line each: what raised the level and by how many points. */
export function FactorList({ factors }: { factors: readonly RiskFactor[] }) {
  const { t } = useTranslation();
  const text = useLocalised();
  if (factors.length === 0) return <Typography.Text type="secondary">{t('risk.noFactors')}</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="factor-list">
      {factors.map((f) => (
        <Typography.Text key={f.code} style={{ fontSize: 13 }}>
          <Typography.Text strong>+{f.points}</Typography.Text> {text(f.label)}
        </Typography.Text>
      ))}
    </Flex>
  );
}
