import type { PublicReport, PublicReportTriage } from '@anlan/contracts';
import { Card, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePublicReports } from '../../api/public-reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePaging } from '../../components/usePaging';
import { formatInstant } from '../../i18n/format';
import { PublicReportDrawer } from './PublicReportDrawer';
import { TriageTag } from './TriageTag';

const filters = ['pending', 'accepted', 'rejected', 'all'] as const;
type Filter = (typeof filters)[number];

/**
 * 群众举报: what the public reported through Open311, triaged by the regulator — accepted as a hazard (it then runs
 * the closed loop like any other) or rejected with a reason the reporter reads. `?report=<id>` opens one (links from
 * notifications).
 */
export function PublicReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = (filters as readonly string[]).includes(params.get('triage') ?? '') ? (params.get('triage') as Filter) : 'pending';
  const open = params.get('report') ?? undefined;
  const { query, pagination } = usePaging();
  const list = usePublicReports(filter === 'all' ? {} : { triage: filter as PublicReportTriage }, query);
  const update = (changes: Record<string, string | null>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) p.delete(k);
        else p.set(k, v);
      }
      return p;
    });
  return (
    <Card
      title={t('publicReports.title')}
      extra={<Segmented value={filter} onChange={(v) => update({ triage: v as string })} options={filters.map((f) => ({ value: f, label: t(`publicReports.filter.${f}`) }))} />}
    >
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<PublicReport>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={pagination(list.data?.total)}
        onRow={(r) => ({ onClick: () => update({ report: r.id }), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'createdAt', title: t('publicReports.col.createdAt'), width: 170, render: (_, r) => formatInstant(r.createdAt) },
          { key: 'service', title: t('publicReports.col.service'), dataIndex: 'serviceName', width: 160 },
          { key: 'description', title: t('publicReports.col.description'), render: (_, r) => <Typography.Text ellipsis={{ tooltip: r.description }} style={{ maxWidth: 360 }}>{r.description}</Typography.Text> },
          { key: 'address', title: t('publicReports.col.address'), render: (_, r) => r.address ?? t('common.empty') },
          { key: 'triage', title: t('publicReports.col.triage'), width: 100, render: (_, r) => <TriageTag triage={r.triage} /> },
          {
            key: 'hazard',
            title: t('publicReports.col.hazard'),
            width: 150,
            render: (_, r) => (r.hazardId ? <Link to={`/hazards/${r.hazardId}`} onClick={(e) => e.stopPropagation()}>{r.hazardCode}</Link> : t('common.empty')),
          },
        ]}
      />
      <PublicReportDrawer id={open} onClose={() => update({ report: null })} />
    </Card>
  );
}
