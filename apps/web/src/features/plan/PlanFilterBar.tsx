import { LeftOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import type { InspectionPlan } from '@anlan/contracts';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanFilters } from '../../api/risk';
import { useAllOrganisations } from '../../api/organisations';
import { useUsers } from '../../api/users';
import { districtDay } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { shiftWeek } from './weeks';

const ALL = { limit: 500, offset: 0 } as const;
const fieldRoles: readonly string[] = ['inspector', 'enforcement', 'leader', 'admin'];

interface Props {
  filters: PlanFilters;
  plan: InspectionPlan | undefined;
  onChange: (filters: PlanFilters) => void;
}

/** The week (earlier, this, later), the department and the inspector of the plan. */
export function PlanFilterBar({ filters, plan, onChange }: Props) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const organisations = useAllOrganisations();
  const users = useUsers(ALL);
  const week = filters.week ?? plan?.week;
  const step = (n: number) => week && onChange({ ...filters, week: shiftWeek(week, n) });
  // The plan's `to` is the next Monday 00:00: its last day is the Sunday before.
  const range = plan ? `${districtDay(plan.from)} – ${districtDay(new Date(Date.parse(plan.to) - 1))}` : '';
  return (
    <Flex wrap gap={8} align="center">
      <Button
        icon={<LeftOutlined />}
        aria-label={t('inspectionPlan.previousWeek')}
        onClick={() => step(-1)}
        disabled={!week}
      />
      <Flex vertical align="center" style={{ minWidth: 190 }}>
        <Typography.Text strong data-testid="plan-week">
          {week ?? t('common.loading')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {range}
        </Typography.Text>
      </Flex>
      <Button
        icon={<RightOutlined />}
        aria-label={t('inspectionPlan.nextWeek')}
        onClick={() => step(1)}
        disabled={!week}
      />
      <Button onClick={() => onChange({ ...filters, week: undefined })} disabled={!filters.week}>
        {t('inspectionPlan.thisWeek')}
      </Button>
      <Select
        allowClear
        style={{ width: 220 }}
        placeholder={t('inspectionPlan.department')}
        value={filters.departmentId}
        loading={organisations.isPending}
        options={(organisations.data ?? [])
          .filter((o) => o.kind === 'department')
          .map((o) => ({ value: o.id, label: o.shortName ?? o.name }))}
        onChange={(departmentId: string | undefined) => onChange({ ...filters, departmentId })}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
        placeholder={t('inspectionPlan.inspector')}
        value={filters.inspectorId}
        loading={users.isPending}
        options={(users.data?.items ?? [])
          .filter((u) => fieldRoles.includes(u.role))
          .map((u) => ({ value: u.id, label: u.displayName }))}
        onChange={(inspectorId: string | undefined) => onChange({ ...filters, inspectorId })}
      />
      {fieldRoles.includes(user.role) && (
        <Button
          icon={<UserOutlined />}
          type={filters.inspectorId === user.id ? 'primary' : 'default'}
          onClick={() => onChange({ ...filters, inspectorId: filters.inspectorId === user.id ? undefined : user.id })}
        >
          {t('inspectionPlan.mine')}
        </Button>
      )}
    </Flex>
  );
}
