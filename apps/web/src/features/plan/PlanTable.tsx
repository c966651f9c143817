import { CameraOutlined } from '@ant-design/icons';
import type { InspectionPlanItem } from '@anlan/contracts';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useUserNames } from '../../api/users';
import { formatMinute } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { EscalationTag, RiskTag } from '../hazards/HazardTags';
import { areaById, canEnter } from '../shell/areas';
import { inspectionDraftFor } from './startInspection';

/** The week's due subjects, red first then the longest overdue (the server's order), each one tap from the phone page. */
export function PlanTable({ items, loading }: { items: readonly InspectionPlanItem[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const navigate = useNavigate();
  const names = useUserNames();
  const canInspect = canEnter(user.role, areaById('inspect'));
  const start = (item: InspectionPlanItem) => void navigate(`/m/inspect?draft=${inspectionDraftFor(user.id, item)}`);
  const columns: TableColumnsType<InspectionPlanItem> = [
    {
      key: 'subject',
      title: t('risk.subject'),
      render: (_, i) => (
        <>
          <Link to={`/risk/subjects/${i.subjectId}`}>{i.subjectName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`subjectType.${i.subjectType}`)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'colour',
      title: t('risk.colour'),
      render: (_, i) => (
        <>
          <RiskTag colour={i.colour} />
          <EscalationTag level={i.escalation} />
        </>
      ),
    },
    { key: 'frequency', title: t('risk.frequency'), render: (_, i) => t('risk.everyDays', { count: i.frequencyDays }) },
    {
      key: 'last',
      title: t('risk.lastInspected'),
      render: (_, i) => (i.lastInspectedAt ? formatMinute(i.lastInspectedAt) : t('risk.neverInspected')),
    },
    {
      key: 'due',
      title: t('inspectionPlan.due'),
      render: (_, i) => (
        <>
          <span style={{ whiteSpace: 'nowrap' }}>{formatMinute(i.dueAt)}</span>
          {i.overdueDays > 0 && (
            <Tag color="error" style={{ marginInlineStart: 6 }}>
              {t('inspectionPlan.overdueDays', { count: i.overdueDays })}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'inspector',
      title: t('inspectionPlan.suggested'),
      render: (_, i) =>
        i.suggestedInspectorId
          ? (names.get(i.suggestedInspectorId) ?? t('common.empty'))
          : t('inspectionPlan.unassigned'),
    },
    ...(canInspect
      ? [
          {
            key: 'start',
            title: '',
            render: (_: unknown, i: InspectionPlanItem) => (
              <Button size="small" icon={<CameraOutlined />} onClick={() => start(i)} data-action="start-inspection">
                {t('inspectionPlan.start')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<InspectionPlanItem>
      rowKey="subjectId"
      size="middle"
      columns={columns}
      dataSource={items ? [...items] : undefined}
      loading={loading}
      pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (count) => t('common.total', { count }) }}
      scroll={{ x: 'max-content' }}
      data-testid="plan-table"
    />
  );
}
