import { gradeAssessment, lecBandLabels, type AssessRiskPoint, type GradingConfig } from '@anlan/contracts';
import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskColourHex, textOn } from '../../theme';
import { formula } from './grading';
import { useLocalised } from './localised';

/** The result computed live as the user picks: D or R, the LEC band and the colour it will be stored with. */
export function AssessmentResult({
  assessment,
  config,
}: {
  assessment: AssessRiskPoint | null;
  config: GradingConfig | null;
}) {
  const { t } = useTranslation();
  const text = useLocalised();
  if (!config) return <Alert type="info" showIcon title={t('risk.assess.noConfig')} />;
  if (!assessment) return <Typography.Text type="secondary">{t('risk.assess.pickAll')}</Typography.Text>;
  const g = gradeAssessment(assessment, config);
  const hex = riskColourHex[g.colour];
  return (
    <Flex
      align="center"
      gap={16}
      wrap
      data-testid="assessment-result"
      data-colour={g.colour}
      style={{ border: `2px solid ${hex}`, borderRadius: 6, padding: '8px 12px' }}
    >
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="assessment-formula">
        {formula(assessment, g.value)}
      </Typography.Text>
      {g.band && <Typography.Text>{text(lecBandLabels[g.band])}</Typography.Text>}
      <span style={{ background: hex, color: textOn(hex), borderRadius: 4, padding: '2px 10px', fontWeight: 600 }}>
        {t(`riskColour.${g.colour}`)}
      </span>
    </Flex>
  );
}
