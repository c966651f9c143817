import type { MonitoringSummary } from '@anlan/contracts';
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

const km = (v: number) => v.toFixed(1);

/** The figures behind the rates: vehicles, positions, distance, time online. */
export function ReportSummary({ summary: s }: { summary: MonitoringSummary }) {
  const { t } = useTranslation();
  return (
    <Card title={t('reports.summary')} size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('reports.f.vehiclesRegistered')}>{s.vehiclesRegistered}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.vehiclesConnected')}>{s.vehiclesConnected}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.vehiclesOnline')}>{s.vehiclesOnline}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.vehiclesDrifting')}>{s.vehiclesDrifting}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.positions')}>{s.positions}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.validPositions')}>{s.validPositions}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.driftPoints')}>{s.driftPoints}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.onlineHours')}>{(s.onlineMinutes / 60).toFixed(1)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.distanceKm')}>{km(s.distanceKm)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.f.continuousKm')}>{km(s.continuousKm)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
