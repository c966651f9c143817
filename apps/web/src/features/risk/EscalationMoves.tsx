import type { EscalationMove } from '@anlan/contracts';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMinute } from '../../i18n/format';
import { riskColours } from '../../theme';
import { EvidenceLinks } from './EvidenceLinks';
import { useLocalised } from './localised';

interface Props {
  moves: readonly Pick<
    EscalationMove,
    'at' | 'type' | 'subjectId' | 'subjectName' | 'from' | 'to' | 'reasons' | 'manual'
  >[];
  /** On a subject's own page its name is not repeated. */
  showSubject?: boolean;
  testId?: string;
}

/** Moves on the escalation ladder, newest first, each with the reasons (and the records behind them). */
export function EscalationMoves({ moves, showSubject = true, testId }: Props) {
  const { t } = useTranslation();
  const text = useLocalised();
  if (moves.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.noMoves')} />;
  return (
    <Timeline
      data-testid={testId}
      items={moves.map((m) => ({
        key: `${m.subjectId}-${m.at}-${m.to}`,
        color: m.type === 'subject.escalated' ? riskColours.major : riskColours.low,
        content: (
          <Flex vertical gap={4} data-testid="escalation-move">
            <Flex wrap gap={6} align="center">
              <Typography.Text type="secondary">{formatMinute(m.at)}</Typography.Text>
              {showSubject && <Link to={`/risk/subjects/${m.subjectId}`}>{m.subjectName}</Link>}
              <Tag>{t(`risk.level.${m.from}`)}</Tag>
              <ArrowRightOutlined />
              <Tag color={m.type === 'subject.escalated' ? 'error' : 'processing'}>{t(`risk.level.${m.to}`)}</Tag>
              {m.manual && <Tag>{t('risk.manual')}</Tag>}
            </Flex>
            {m.reasons.map((r) => (
              <div key={r.code}>
                <Typography.Text>{text(r.label)}</Typography.Text>
                <EvidenceLinks code={r.code} ids={r.evidenceIds} />
              </div>
            ))}
          </Flex>
        ),
      }))}
    />
  );
}
