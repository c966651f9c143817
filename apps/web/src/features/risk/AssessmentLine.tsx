import { lecBandLabels, type RiskAssessment } from '@anlan/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';
import { RiskTag } from '../hazards/HazardTags';
import { useLocalised } from './localised';

/** One assessment in a line: the colour, D or R with its factors, the band, who made it and when. */
export function AssessmentLine({ a }: { a: RiskAssessment }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const working = a.method === 'lec' ? `D = ${a.l} × ${a.e} × ${a.c} = ${a.value}` : `R = ${a.l} × ${a.s} = ${a.value}`;
  return (
    <Flex wrap gap={6} align="center" data-testid="assessment-line" data-colour={a.colour}>
      <RiskTag colour={a.colour} />
      <Typography.Text strong>{working}</Typography.Text>
      {a.band && <Typography.Text type="secondary">{text(lecBandLabels[a.band])}</Typography.Text>}
      {a.selfAssessment && <Tag>{t('risk.assess.self')}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatMinute(a.assessedAt)}
      </Typography.Text>
      {a.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          · {a.note}
        </Typography.Text>
      )}
    </Flex>
  );
}
