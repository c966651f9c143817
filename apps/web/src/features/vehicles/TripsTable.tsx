import { tripStatusLabels, type Trip, type TripStatus } from '@anlan/contracts';
import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';

const colours: Record<TripStatus, string> = { planned: 'blue', active: 'green', done: 'default', cancelled: 'red' };

/** 电子运单 of one vehicle: number, route, cargo, planned window and status. */
export function TripsTable({ trips, loading }: { trips: Trip[] | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const empty = t('common.empty');
  const columns: TableColumnsType<Trip> = [
    { key: 'waybill', title: t('vehicles.trip.waybill'), dataIndex: 'waybillNo' },
    { key: 'status', title: t('vehicles.trip.status'), render: (_, trip) => <Tag color={colours[trip.status]}>{tripStatusLabels[trip.status][locale]}</Tag> },
    { key: 'route', title: t('vehicles.trip.route'), render: (_, trip) => trip.routeName ?? empty },
    {
      key: 'cargo',
      title: t('vehicles.cargo'),
      render: (_, trip) => (trip.loaded ? [trip.cargoUn, trip.cargoName].filter(Boolean).join(' ') || empty : t('vehicles.trip.empty')),
    },
    {
      key: 'window',
      title: t('vehicles.trip.window'),
      render: (_, trip) => <span style={{ whiteSpace: 'nowrap' }}>{`${formatMinute(trip.plannedStart)} – ${formatMinute(trip.plannedEnd)}`}</span>,
    },
  ];
  return <Table<Trip> rowKey="id" size="small" columns={columns} dataSource={trips} loading={loading} pagination={false} scroll={{ x: 'max-content' }} />;
}
