import type { MonitoringVehicleRow } from '@anlan/contracts';
import { Badge, Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import { formatRate } from './rates';

/** One row per vehicle: online that day, positions and their quality, distance and its continuity, alarms. */
export function ReportVehicles({ rows, showCarrier }: { rows: MonitoringVehicleRow[]; showCarrier: boolean }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const time = (v: string | null) => (v ? formatInstant(v).slice(11) : empty);
  const columns: TableColumnsType<MonitoringVehicleRow> = [
    { key: 'plate', title: t('vehicles.plate'), fixed: 'left', dataIndex: 'plate', sorter: (a, b) => a.plate.localeCompare(b.plate) },
    ...(showCarrier ? [{ key: 'carrier', title: t('vehicles.carrier'), dataIndex: 'organisationName' }] : []),
    { key: 'driver', title: t('vehicles.driver'), render: (_, r) => r.driverName ?? empty },
    {
      key: 'online',
      title: t('reports.v.online'),
      render: (_, r) => <Badge status={r.online ? 'success' : r.connected ? 'default' : 'warning'} text={t(r.online ? 'reports.v.yes' : r.connected ? 'reports.v.no' : 'reports.v.never')} />,
      filters: [
        { text: t('reports.v.yes'), value: true },
        { text: t('reports.v.no'), value: false },
      ],
      onFilter: (value, r) => r.online === value,
    },
    { key: 'positions', title: t('reports.f.positions'), align: 'right', dataIndex: 'positions', sorter: (a, b) => a.positions - b.positions },
    { key: 'valid', title: t('reports.f.validPositions'), align: 'right', dataIndex: 'validPositions' },
    { key: 'drift', title: t('reports.f.driftPoints'), align: 'right', dataIndex: 'driftPoints', sorter: (a, b) => a.driftPoints - b.driftPoints },
    { key: 'distance', title: t('reports.f.distanceKm'), align: 'right', render: (_, r) => r.distanceKm.toFixed(1), sorter: (a, b) => a.distanceKm - b.distanceKm },
    {
      key: 'completeness',
      title: t('reports.rate.completeness'),
      align: 'right',
      render: (_, r) => formatRate(r.completeness),
      sorter: (a, b) => (a.completeness ?? -1) - (b.completeness ?? -1),
    },
    { key: 'onlineHours', title: t('reports.f.onlineHours'), align: 'right', render: (_, r) => (r.onlineMinutes / 60).toFixed(1) },
    { key: 'first', title: t('reports.v.first'), render: (_, r) => time(r.firstAt) },
    { key: 'last', title: t('reports.v.last'), render: (_, r) => time(r.lastAt) },
    { key: 'alarms', title: t('reports.alarms'), align: 'right', dataIndex: 'alarms', sorter: (a, b) => a.alarms - b.alarms, defaultSortOrder: 'descend' },
  ];
  return (
    <Card title={t('reports.vehicles', { count: rows.length })} size="small" data-testid="report-vehicles">
      <Table<MonitoringVehicleRow>
        rowKey="vehicleId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
