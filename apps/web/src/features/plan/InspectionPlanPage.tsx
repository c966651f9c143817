import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useInspectionPlan, type PlanFilters } from '../../api/risk';
import { ErrorAlert } from '../../components/ErrorAlert';
import { riskColourHex } from '../../theme';
import { PlanFilterBar } from './PlanFilterBar';
import { PlanGroups } from './PlanGroups';
import { readPlanParams, writePlanParams } from './planParams';
import { PlanTable } from './PlanTable';

/**
 * 检查计划: the subjects due for inspection this week (or another), red first, per department and per suggested
 * inspector; each opens the phone inspection page with the subject filled in.
 */
export function InspectionPlanPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = readPlanParams(search);
  const plan = useInspectionPlan(filters);
  const setFilters = (next: PlanFilters) => setSearch(writePlanParams(next), { replace: true });
  const data = plan.data;
  const red = data?.items.filter((i) => i.colour === 'red').length ?? 0;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('inspectionPlan.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="plan-summary">
            {t('inspectionPlan.summary', { total: data?.total ?? 0 })}
            {red > 0 && (
              <span style={{ color: riskColourHex.red, marginInlineStart: 8 }}>
                {t('inspectionPlan.redCount', { count: red })}
              </span>
            )}
          </Typography.Text>
        </div>
        <PlanFilterBar filters={filters} plan={data} onChange={setFilters} />
      </Flex>
      {plan.isError && <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={6}>
          <Flex vertical gap={16}>
            <PlanGroups
              title={t('inspectionPlan.byDepartment')}
              groups={data?.byDepartment}
              loading={plan.isPending}
              selected={filters.departmentId}
              onSelect={(departmentId) => setFilters({ ...filters, departmentId })}
              testId="plan-by-department"
            />
            <PlanGroups
              title={t('inspectionPlan.byInspector')}
              groups={data?.byInspector}
              loading={plan.isPending}
              selected={filters.inspectorId}
              onSelect={(inspectorId) => setFilters({ ...filters, inspectorId })}
              testId="plan-by-inspector"
            />
          </Flex>
        </Col>
        <Col xs={24} xl={18}>
          <Card>
            <PlanTable items={data?.items} loading={plan.isFetching} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
