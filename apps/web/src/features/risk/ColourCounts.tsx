import type { ColourCounts as Counts, RiskColour } from '@anlan/contracts';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskColourHex, textOn } from '../../theme';
import { coloursBySeverity } from './boardCharts';

interface Props {
  counts: Counts | undefined;
  loading: boolean;
  selected: RiskColour | undefined;
  /** Clicking a colour lists its subjects (again: all subjects). */
  onSelect: (colour: RiskColour | undefined) => void;
}

/** The four colours in big figures: 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export function ColourCounts({ counts, loading, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid="risk-colours">
      {coloursBySeverity.map((colour) => {
        const hex = riskColourHex[colour];
        const active = selected === colour;
        return (
          <Col key={colour} xs={12} lg={6}>
            <Card
              hoverable
              loading={loading}
              onClick={() => onSelect(active ? undefined : colour)}
              data-testid={`risk-colour-${colour}`}
              aria-pressed={active}
              styles={{ body: { padding: 0 } }}
              style={{ overflow: 'hidden', outline: active ? `3px solid ${hex}` : undefined }}
            >
              <div style={{ background: hex, color: textOn(hex), padding: '6px 16px', fontWeight: 600 }}>
                {t(`riskColour.${colour}`)} · {t(`risk.colourName.${colour}`)}
              </div>
              <div style={{ padding: '12px 16px' }}>
                <Typography.Text
                  strong
                  style={{ fontSize: 36, lineHeight: 1.1, color: hex }}
                  data-testid="risk-colour-count"
                >
                  {counts?.[colour] ?? 0}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t('risk.subjectsUnit')}
                </Typography.Text>
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
