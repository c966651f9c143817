import type { HazardDetail } from '@anlan/contracts';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';
import { EscalationTag, LevelTag, OverdueFlag, RiskTag, StatusTag } from '../hazards/HazardTags';

/** Code, level, status, subject, deadline and the overdue flag, with the hazard's facts. */
export function HazardHeader({ hazard: h }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const title = (
    <Flex align="center" gap={8} wrap>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="hazard-code">
        {h.code}
      </Typography.Title>
      <LevelTag level={h.level} />
      <RiskTag colour={h.riskColour} />
      <span data-testid="hazard-status">
        <StatusTag status={h.status} />
      </span>
      <EscalationTag level={h.escalation} />
      <OverdueFlag overdue={h.overdue} />
    </Flex>
  );
  return (
    <Card title={title}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'subject', label: t('hazard.subject'), children: `${h.subjectName}(${t(`subjectType.${h.subjectType}`)})` },
          { key: 'category', label: t('hazard.category'), children: h.category },
          { key: 'source', label: t('hazard.source'), children: t(`hazardSource.${h.source}`) },
          { key: 'description', label: t('hazard.description'), children: h.description, span: { xs: 1, md: 2, xl: 3 } },
          { key: 'location', label: t('hazard.location'), children: h.location ?? empty },
          { key: 'clause', label: t('hazard.clause'), children: h.clause ?? empty },
          { key: 'catalogue', label: t('hazard.catalogue'), children: h.catalogue ?? empty },
          { key: 'foundAt', label: t('hazard.foundAt'), children: formatMinute(h.foundAt) },
          {
            key: 'deadline',
            label: t('hazard.deadline'),
            children: (
              <span data-testid="hazard-deadline">
                {h.deadline ? formatMinute(h.deadline) : empty} <OverdueFlag overdue={h.overdue} />
              </span>
            ),
          },
          { key: 'closedAt', label: t('hazard.closedAt'), children: h.closedAt ? formatMinute(h.closedAt) : empty },
          ...(h.recheckFailures > 0 ? [{ key: 'failures', label: t('hazard.recheckFailures'), children: h.recheckFailures }] : []),
          ...(h.acceptanceDueAt ? [{ key: 'acceptance', label: t('hazard.acceptanceDueAt'), children: formatMinute(h.acceptanceDueAt) }] : []),
          ...(h.caseIds.length > 0 ? [{ key: 'cases', label: t('hazard.cases'), children: t('hazard.caseCount', { count: h.caseIds.length }) }] : []),
        ]}
      />
    </Card>
  );
}
