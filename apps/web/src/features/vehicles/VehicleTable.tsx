import type { Vehicle } from '@anlan/contracts';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../i18n/format';
import { OnlineStatus } from './VehicleTags';

interface Props {
  vehicles: Vehicle[] | undefined;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  showCarrier?: boolean;
  onOpen: (id: string) => void;
}

/** Vehicles with their online status, carrier, cargo, driver, last report and speed. */
export function VehicleTable({ vehicles, loading, pagination = false, showCarrier = true, onOpen }: Props) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const columns: TableColumnsType<Vehicle> = [
    {
      key: 'plate',
      title: t('vehicles.plate'),
      fixed: 'left',
      render: (_, v) => (
        <Typography.Link strong onClick={() => onOpen(v.id)}>
          {v.plate}
        </Typography.Link>
      ),
    },
    { key: 'status', title: t('vehicles.online'), render: (_, v) => <OnlineStatus status={v.status} /> },
    ...(showCarrier ? [{ key: 'carrier', title: t('vehicles.carrier'), render: (_: unknown, v: Vehicle) => v.organisationName }] : []),
    { key: 'class', title: t('vehicles.class'), render: (_, v) => t(`vehicles.classes.${v.vehicleClass}`) },
    { key: 'cargo', title: t('vehicles.cargo'), render: (_, v) => [v.cargoUn, v.cargoName].filter(Boolean).join(' ') || empty },
    { key: 'driver', title: t('vehicles.driver'), render: (_, v) => [v.driverName, v.driverPhone].filter(Boolean).join(' ') || empty },
    {
      key: 'lastSeen',
      title: t('vehicles.lastSeen'),
      render: (_, v) => <span style={{ whiteSpace: 'nowrap' }}>{v.lastSeenAt ? formatInstant(v.lastSeenAt) : empty}</span>,
    },
    {
      key: 'speed',
      title: t('vehicles.speed'),
      align: 'right',
      render: (_, v) => (v.latest && v.status === 'online' ? t('alarms.unit.kmh', { value: Math.round(v.latest.speedKmh) }) : empty),
    },
    {
      key: 'map',
      title: t('vehicles.map'),
      render: (_, v) =>
        v.latest ? (
          <Link to={`/map?vehicle=${v.id}`} aria-label={t('alarms.onMap')} onClick={(e) => e.stopPropagation()}>
            <EnvironmentOutlined />
          </Link>
        ) : null,
    },
  ];
  return (
    <Table<Vehicle>
      rowKey="id"
      columns={columns}
      dataSource={vehicles}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      onRow={(v) => ({ onClick: () => onOpen(v.id), style: { cursor: 'pointer' } })}
    />
  );
}
