import type { Vehicle } from '@anlan/contracts';
import { EnvironmentOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Drawer, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlarms } from '../../api/alarms';
import { useTrips } from '../../api/trips';
import { useVehicle } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { formatInstant } from '../../i18n/format';
import { AlarmDrawer } from '../monitor/AlarmDrawer';
import { AlarmTable } from '../monitor/AlarmTable';
import { TripsTable } from './TripsTable';
import { OnlineStatus } from './VehicleTags';

interface Props {
  vehicleId: string | undefined;
  onClose: () => void;
  /** Where "all alarms of this vehicle" leads; none for roles without an alarm list. */
  alarmsPath: string | undefined;
  vehiclePath: string;
}

/** One vehicle: its registration, latest report, 电子运单 and recent alarms (an alarm opens over it). */
export function VehicleDrawer({ vehicleId, onClose, alarmsPath, vehiclePath }: Props) {
  const { t } = useTranslation();
  const vehicle = useVehicle(vehicleId);
  return (
    <Drawer open={vehicleId !== undefined} onClose={onClose} size="large" title={t('vehicles.detail')} destroyOnHidden>
      {vehicle.isError && <ErrorAlert error={vehicle.error} onRetry={() => void vehicle.refetch()} />}
      {vehicle.isPending && vehicleId && <FullPageSpinner />}
      {vehicle.data && <VehicleBody vehicle={vehicle.data} alarmsPath={alarmsPath} vehiclePath={vehiclePath} />}
    </Drawer>
  );
}

function VehicleBody({ vehicle: v, alarmsPath, vehiclePath }: { vehicle: Vehicle; alarmsPath: string | undefined; vehiclePath: string }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const trips = useTrips({ vehicleId: v.id }, 10);
  const alarms = useAlarms({ vehicleId: v.id }, 10, 0);
  const [alarmId, setAlarmId] = useState<string>();
  const p = v.latest;
  return (
    <div data-testid="vehicle-detail">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {v.plate}
        </Typography.Title>
        <OnlineStatus status={v.status} />
      </Flex>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to={`/map?vehicle=${v.id}`}>
          <Button icon={<EnvironmentOutlined />}>{t('alarms.onMap')}</Button>
        </Link>
        {alarmsPath && (
          <Link to={`${alarmsPath}?vehicleId=${v.id}`}>
            <Button icon={<UnorderedListOutlined />}>{t('vehicles.allAlarms')}</Button>
          </Link>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('vehicles.carrier')}>{v.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.class')}>{t(`vehicles.classes.${v.vehicleClass}`)}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.cargo')}>{[v.cargoUn, v.cargoName].filter(Boolean).join(' ') || empty}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.driver')}>{[v.driverName, v.driverPhone].filter(Boolean).join(' ') || empty}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.terminal')}>{v.terminalPhone}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.vin')}>{v.vin ?? empty}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.lastSeen')}>{v.lastSeenAt ? formatInstant(v.lastSeenAt) : empty}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.lastFix')}>{p ? formatInstant(p.deviceTime) : empty}</Descriptions.Item>
        <Descriptions.Item label={t('alarms.position')}>{p ? t('alarms.positionValue', { lat: p.lat.toFixed(5), lon: p.lon.toFixed(5) }) : empty}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.speed')}>{p ? t('alarms.unit.kmh', { value: Math.round(p.speedKmh) }) : empty}</Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">{t('vehicles.trips')}</Divider>
      {trips.isError && <ErrorAlert error={trips.error} onRetry={() => void trips.refetch()} />}
      <TripsTable trips={trips.data?.items} loading={trips.isPending} />
      <Divider titlePlacement="start">{t('vehicles.recentAlarms')}</Divider>
      {alarms.isError && <ErrorAlert error={alarms.error} onRetry={() => void alarms.refetch()} />}
      <AlarmTable
        size="small"
        rows={alarms.data?.items.map((a) => ({ ...a, live: false }))}
        loading={alarms.isPending}
        showCarrier={false}
        onOpen={setAlarmId}
      />
      <AlarmDrawer alarmId={alarmId} onClose={() => setAlarmId(undefined)} vehiclePath={vehiclePath} />
    </div>
  );
}
