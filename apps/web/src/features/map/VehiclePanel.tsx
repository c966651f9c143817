import { CloseOutlined } from '@ant-design/icons';
import type { LivePosition } from '@anlan/contracts';
import { Badge, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVehicle } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../i18n/format';
import { stateColours, vehicleState } from '../../map/vehicleFeatures';
import { PlaybackPicker, type Period } from './PlaybackPicker';
import { VehicleAlarms } from './VehicleAlarms';

interface Props {
  vehicleId: string;
  /** The vehicle's live position from the map, fresher than the vehicle record's. */
  live: LivePosition | undefined;
  onClose: () => void;
  onPlayback: (period: Period) => void;
}

/** The selected vehicle: who carries what, where it is now, its latest alarms, and 轨迹回放. */
export function VehiclePanel({ vehicleId, live, onClose, onPlayback }: Props) {
  const { t } = useTranslation();
  const vehicle = useVehicle(vehicleId);
  const v = vehicle.data;
  const position = live ?? (v?.latest ? { ...v.latest, online: v.status === 'online' } : undefined);
  const state = position ? vehicleState(position) : undefined;
  const empty = t('common.empty');
  return (
    <Card
      size="small"
      data-testid="vehicle-panel"
      loading={vehicle.isPending}
      title={
        <Flex align="center" gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="vehicle-plate">
            {v?.plate ?? live?.plate}
          </Typography.Text>
          {state && <Tag color={stateColours[state]}>{t(`map.state.${state}`)}</Tag>}
        </Flex>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('map.close')} onClick={onClose} />}
      style={{ width: 340, maxHeight: '100%', overflow: 'auto', boxShadow: '0 4px 16px rgba(0,0,0,0.15)' }}
    >
      {vehicle.isError && <ErrorAlert error={vehicle.error} onRetry={() => void vehicle.refetch()} />}
      {v && (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'carrier', label: t('map.carrier'), children: v.organisationName },
            { key: 'driver', label: t('map.driver'), children: v.driverName ?? empty },
            { key: 'phone', label: t('map.phone'), children: v.driverPhone ?? empty },
            { key: 'cargo', label: t('map.cargo'), children: v.cargoUn ? `${v.cargoUn} ${v.cargoName ?? ''}` : (v.cargoName ?? empty) },
            {
              key: 'status',
              label: t('map.status'),
              children: <Badge status={position?.online ? 'success' : 'default'} text={t(position?.online ? 'map.online' : v.status === 'never' ? 'map.never' : 'map.offline')} />,
            },
            { key: 'speed', label: t('map.speed'), children: position ? t('map.speedValue', { speed: position.speedKmh.toFixed(1) }) : empty },
            { key: 'time', label: t('map.time'), children: position ? <span data-testid="vehicle-time">{formatInstant(position.deviceTime)}</span> : empty },
            {
              key: 'position',
              label: t('map.position'),
              children: position ? t('map.positionValue', { lat: position.lat.toFixed(5), lon: position.lon.toFixed(5) }) : t('map.noPosition'),
            },
          ]}
        />
      )}
      <VehicleAlarms vehicleId={vehicleId} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('map.playback.title')}
      </Typography.Title>
      <PlaybackPicker onStart={onPlayback} />
    </Card>
  );
}
