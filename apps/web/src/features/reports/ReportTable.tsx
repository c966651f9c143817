import type { MonitoringReportListItem } from '@anlan/contracts';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMinute } from '../../i18n/format';
import { RateCell } from './RateCell';
import { formatRate, rateKeys, type Targets } from './rates';

interface Props {
  items: MonitoringReportListItem[] | undefined;
  loading: boolean;
  targets: Targets;
  /** The day page's path: /monitor/reports or /my/reports. */
  basePath: string;
}

/** One row per day: vehicles online, the five rates against their targets, alarms and how many were handled in time. */
export function ReportTable({ items, loading, targets, basePath }: Props) {
  const { t } = useTranslation();
  const dayLink = (r: MonitoringReportListItem) => `${basePath}/${r.day}${r.organisationId ? `?organisationId=${r.organisationId}` : ''}`;
  const columns: TableColumnsType<MonitoringReportListItem> = [
    { key: 'day', title: t('reports.day'), fixed: 'left', render: (_, r) => <Link to={dayLink(r)}>{r.day}</Link> },
    { key: 'scope', title: t('reports.scope'), render: (_, r) => r.organisationName ?? t('reports.district') },
    {
      key: 'vehicles',
      title: t('reports.vehiclesOnline'),
      render: (_, r) => `${r.summary.vehiclesOnline} / ${r.summary.vehiclesRegistered}`,
    },
    ...rateKeys.map((key) => ({
      key,
      title: t(`reports.rate.${key}`),
      align: 'right' as const,
      render: (_: unknown, r: MonitoringReportListItem) => <RateCell rateKey={key} value={r.summary.rates[key]} targets={targets} />,
    })),
    { key: 'alarms', title: t('reports.alarms'), align: 'right', render: (_, r) => r.alarms.count },
    { key: 'inTime', title: t('reports.inTimeRate'), align: 'right', render: (_, r) => formatRate(r.alarms.inTimeRate) },
    {
      key: 'generated',
      title: t('reports.generatedAt'),
      render: (_, r) => (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {formatMinute(r.generatedAt)} · {r.generatedBy?.name ?? t('reports.byJob')}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Table<MonitoringReportListItem>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ pageSize: 31, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
