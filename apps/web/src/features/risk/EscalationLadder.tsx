import type { EscalationLevel, RiskBoard, SubjectRisk } from '@anlan/contracts';
import { Badge, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSubjectRisks } from '../../api/risk';
import { formatMinute } from '../../i18n/format';
import { riskColours } from '../../theme';
import { RiskTag } from '../hazards/HazardTags';

/** Subjects listed per column; the ladder's upper steps hold few (a district's handful). */
const SHOWN = 20;
const levels: readonly EscalationLevel[] = ['none', 'listed', 'escalated'];
const levelColour: Record<EscalationLevel, string> = {
  none: riskColours.low,
  listed: riskColours.significant,
  escalated: riskColours.major,
};

/**
 * The escalation ladder: 常规监管 → 挂牌督办 → 提级管控, with the subjects on the two upper steps and since when
 * they stand there.
 */
export function EscalationLadder({
  board,
  onShowLevel,
}: {
  board: RiskBoard | undefined;
  onShowLevel: (level: EscalationLevel) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('risk.ladder')} data-testid="risk-ladder">
      <Row gutter={[16, 16]}>
        {levels.map((level) => (
          <Col key={level} xs={24} md={8}>
            <Flex
              vertical
              gap={8}
              data-testid={`ladder-${level}`}
              style={{ borderTop: `4px solid ${levelColour[level]}`, paddingTop: 8 }}
            >
              <Flex justify="space-between" align="baseline">
                <Typography.Text strong>{t(`risk.level.${level}`)}</Typography.Text>
                <Typography.Link onClick={() => onShowLevel(level)}>
                  <Badge
                    count={board?.byEscalation[level] ?? 0}
                    showZero
                    overflowCount={9999}
                    color={levelColour[level]}
                  />
                </Typography.Link>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`risk.levelNote.${level}`)}
              </Typography.Text>
              {level !== 'none' && <LadderStep level={level} />}
            </Flex>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function LadderStep({ level }: { level: EscalationLevel }) {
  const { t } = useTranslation();
  const list = useSubjectRisks({ escalation: level }, SHOWN, 0);
  const subjects = list.data?.items ?? [];
  if (!list.isPending && subjects.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.ladderEmpty')} />;
  return (
    <List<SubjectRisk>
      size="small"
      loading={list.isPending}
      dataSource={subjects}
      renderItem={(s) => (
        <List.Item key={s.subjectId} style={{ paddingInline: 0 }}>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8}>
              <Link to={`/risk/subjects/${s.subjectId}`}>{s.subjectName}</Link>
              <RiskTag colour={s.colour} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.escalationSince && t('risk.since', { at: formatMinute(s.escalationSince) })}
              {s.escalationManual && <Tag style={{ marginInlineStart: 6 }}>{t('risk.manual')}</Tag>}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
