import { roles, type Role, type SubjectRiskDetail } from '@anlan/contracts';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';
import { riskColourHex, textOn } from '../../theme';
import { EscalationTag } from '../hazards/HazardTags';

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

/** The subject's level at a glance: the colour, the score, its ladder step and what that step means. */
export function SubjectRiskHeader({ risk }: { risk: SubjectRiskDetail }) {
  const { t } = useTranslation();
  const hex = riskColourHex[risk.colour];
  const state = risk.escalationState;
  const empty = t('common.empty');
  return (
    <Card>
      <Flex gap={24} wrap align="stretch">
        <div
          data-testid="subject-colour"
          data-colour={risk.colour}
          style={{
            background: hex,
            color: textOn(hex),
            borderRadius: 6,
            padding: '16px 24px',
            minWidth: 180,
            textAlign: 'center',
          }}
        >
          <div style={{ fontSize: 20, fontWeight: 700 }}>{t(`riskColour.${risk.colour}`)}</div>
          <div style={{ fontSize: 13 }}>{t('risk.scoreValue', { score: risk.score })}</div>
        </div>
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 280 }}>
          <Flex wrap gap={8} align="center">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {risk.subjectName}
            </Typography.Title>
            <Tag>{t(`subjectType.${risk.subjectType}`)}</Tag>
            <EscalationTag level={state.level} />
            {state.manual && <Tag>{t('risk.manual')}</Tag>}
          </Flex>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('risk.ladderStep')}>
              {t(`risk.level.${state.level}`)}
              {state.since && state.level !== 'none' && ` · ${t('risk.since', { at: formatMinute(state.since) })}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.supervisor')}>
              {t(`risk.scope.${state.supervisorScope}`)} ·{' '}
              {isRole(state.supervisorRole) ? t(`role.${state.supervisorRole}`) : state.supervisorRole}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.frequency')}>
              {t('risk.everyDays', { count: state.inspectionFrequencyDays })}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.lastInspected')}>
              {risk.lastInspectedAt ? formatMinute(risk.lastInspectedAt) : t('risk.neverInspected')}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.nextDue')}>{formatMinute(risk.nextInspectionDue)}</Descriptions.Item>
            <Descriptions.Item label={t('risk.dailyOnlineReview')}>
              {state.dailyOnlineReview ? t('risk.yes') : t('risk.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.computed')}>
              {risk.computedAt ? formatMinute(risk.computedAt) : empty}
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      </Flex>
    </Card>
  );
}
