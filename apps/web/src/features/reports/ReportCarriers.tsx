import type { MonitoringReport } from '@anlan/contracts';
import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RateCell } from './RateCell';
import { rateKeys, type Targets } from './rates';

type CarrierRow = MonitoringReport['carriers'][number];

/** The district's report only: one row per carrier, each opening that carrier's report of the day. */
export function ReportCarriers({ report, targets, basePath }: { report: MonitoringReport; targets: Targets; basePath: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CarrierRow> = [
    {
      key: 'carrier',
      title: t('vehicles.carrier'),
      fixed: 'left',
      render: (_, r) => <Link to={`${basePath}/${report.day}?organisationId=${r.organisationId}`}>{r.organisationName}</Link>,
    },
    { key: 'vehicles', title: t('reports.vehiclesOnline'), render: (_, r) => `${r.vehiclesOnline} / ${r.vehiclesRegistered}` },
    ...rateKeys.map((key) => ({
      key,
      title: t(`reports.rate.${key}`),
      align: 'right' as const,
      render: (_: unknown, r: CarrierRow) => <RateCell rateKey={key} value={r.rates[key]} targets={targets} />,
    })),
    { key: 'alarms', title: t('reports.alarms'), align: 'right', dataIndex: 'alarms' },
    { key: 'inTime', title: t('reports.inTime'), align: 'right', dataIndex: 'alarmsInTime' },
  ];
  return (
    <Card title={t('reports.carriers')} size="small" data-testid="report-carriers">
      <Table<CarrierRow> rowKey="organisationId" size="small" columns={columns} dataSource={report.carriers} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
