import type { MonitoringReport } from '@anlan/contracts';
import { Card, Col, Row, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlarmLabels } from '../monitor/labels';

type TopVehicle = MonitoringReport['topVehicles'][number];
type TopDriver = MonitoringReport['topDrivers'][number];

/** `超速 3 · 疲劳驾驶 1`, most first. */
function useByType() {
  const labels = useAlarmLabels();
  return (byType: Record<string, number>) =>
    Object.entries(byType)
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `${labels.type(type)} ${n}`)
      .join(' · ');
}

/** 违规排名: the vehicles and the drivers with the most alarms that day. */
export function Offenders({ report, vehiclePath }: { report: MonitoringReport; vehiclePath: string }) {
  const { t } = useTranslation();
  const byType = useByType();
  const empty = t('common.empty');
  const vehicles: TableColumnsType<TopVehicle> = [
    { key: 'rank', title: '#', width: 40, render: (_, _r, i) => i + 1 },
    { key: 'plate', title: t('vehicles.plate'), render: (_, r) => <Link to={`${vehiclePath}?vehicle=${r.vehicleId}`}>{r.plate}</Link> },
    { key: 'driver', title: t('vehicles.driver'), render: (_, r) => r.driverName ?? empty },
    { key: 'carrier', title: t('vehicles.carrier'), dataIndex: 'organisationName' },
    { key: 'alarms', title: t('reports.alarms'), align: 'right', dataIndex: 'alarms' },
    { key: 'types', title: t('reports.byType'), render: (_, r) => byType(r.byType) },
  ];
  const drivers: TableColumnsType<TopDriver> = [
    { key: 'rank', title: '#', width: 40, render: (_, _r, i) => i + 1 },
    { key: 'driver', title: t('vehicles.driver'), dataIndex: 'driverName' },
    { key: 'plates', title: t('vehicles.plate'), render: (_, r) => r.plates.join('、') },
    { key: 'carrier', title: t('vehicles.carrier'), dataIndex: 'organisationName' },
    { key: 'alarms', title: t('reports.alarms'), align: 'right', dataIndex: 'alarms' },
    { key: 'types', title: t('reports.byType'), render: (_, r) => byType(r.byType) },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('reports.topVehicles')} size="small" data-testid="report-top-vehicles">
          <Table<TopVehicle> rowKey="vehicleId" size="small" columns={vehicles} dataSource={report.topVehicles} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('reports.topDrivers')} size="small">
          <Table<TopDriver> rowKey="driverName" size="small" columns={drivers} dataSource={report.topDrivers} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
      </Col>
    </Row>
  );
}
