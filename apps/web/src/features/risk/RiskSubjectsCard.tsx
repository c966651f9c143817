import { subjectTypes, type SubjectRisk } from '@anlan/contracts';
import { Card, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSubjectRisks } from '../../api/risk';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePaging } from '../../components/usePaging';
import { EscalationTag, RiskTag } from '../hazards/HazardTags';
import { coloursBySeverity } from './boardCharts';
import { FactorList } from './FactorList';
import { toSubjectRiskFilters, type RiskParams } from './riskParams';

interface Props {
  params: RiskParams;
  onChange: (params: RiskParams) => void;
}

/** Every subject's level, highest score first, filtered by colour, type, ladder step or name. */
export function RiskSubjectsCard({ params, onChange }: Props) {
  const { t } = useTranslation();
  const filters = (
    <Flex wrap gap={8}>
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('risk.colour')}
        value={params.colour}
        options={coloursBySeverity.map((c) => ({ value: c, label: t(`riskColour.${c}`) }))}
        onChange={(colour) => onChange({ ...params, colour })}
        data-testid="risk-filter-colour"
      />
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('risk.subjectType')}
        value={params.type}
        options={subjectTypes.map((v) => ({ value: v, label: t(`subjectType.${v}`) }))}
        onChange={(type) => onChange({ ...params, type })}
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('risk.ladderStep')}
        value={params.escalation}
        options={(['none', 'listed', 'escalated'] as const).map((v) => ({ value: v, label: t(`risk.level.${v}`) }))}
        onChange={(escalation) => onChange({ ...params, escalation })}
      />
      <Input.Search
        allowClear
        style={{ width: 200 }}
        placeholder={t('risk.searchName')}
        defaultValue={params.q}
        onSearch={(q) => onChange({ ...params, q: q || undefined })}
      />
    </Flex>
  );
  return (
    <Card title={t('risk.subjects')} extra={filters} data-testid="risk-subjects">
      {/* A new filter starts again at the first page. */}
      <SubjectsTable key={JSON.stringify(params)} params={params} />
    </Card>
  );
}

function SubjectsTable({ params }: { params: RiskParams }) {
  const { t } = useTranslation();
  const { query, pagination } = usePaging();
  const list = useSubjectRisks(toSubjectRiskFilters(params), query.limit, query.offset);
  const columns: TableColumnsType<SubjectRisk> = [
    {
      key: 'subject',
      title: t('risk.subject'),
      render: (_, s) => (
        <>
          <Link to={`/risk/subjects/${s.subjectId}`}>{s.subjectName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`subjectType.${s.subjectType}`)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'colour',
      title: t('risk.colour'),
      render: (_, s) => (
        <>
          <RiskTag colour={s.colour} />
          <EscalationTag level={s.escalation} />
        </>
      ),
    },
    { key: 'score', title: t('risk.score'), dataIndex: 'score', align: 'right' },
    { key: 'factors', title: t('risk.topFactors'), render: (_, s) => <FactorList factors={s.factors.slice(0, 2)} /> },
  ];
  return (
    <>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<SubjectRisk>
        rowKey="subjectId"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
