import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVehicleAlarms } from '../../api/vehicles';
import { useCurrentUser } from '../auth/CurrentUser';
import { areaById, canEnter } from '../shell/areas';
import { panelAlarms } from './panelAlarms';
import { VehicleAlarmItem } from './VehicleAlarmItem';

/** Where the user's alarm queue is: the monitors' 报警处置, the carrier's own alarms, or none (inspectors…). */
function useQueuePath(): string | undefined {
  const { user } = useCurrentUser();
  const queue = [areaById('alarms'), areaById('myAlarms')].find((area) => canEnter(user.role, area));
  return queue?.path;
}

/**
 * The vehicle's alarms that wait for a monitor, then its latest others, each with the steps the user may take now
 * (受理 from the live map); left out altogether where the server has no alarms API.
 */
export function VehicleAlarms({ vehicleId }: { vehicleId: string }) {
  const { t } = useTranslation();
  const waiting = useVehicleAlarms(vehicleId, 20, true);
  const latest = useVehicleAlarms(vehicleId, 5);
  const queuePath = useQueuePath();
  if (latest.data === null || waiting.data === null || latest.isError || waiting.isError) return null;
  const items = latest.data && waiting.data ? panelAlarms(waiting.data, latest.data) : undefined;
  return (
    <div data-testid="vehicle-alarms">
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('map.alarms')}
      </Typography.Title>
      <List
        size="small"
        loading={items === undefined}
        locale={{ emptyText: t('map.noAlarms') }}
        dataSource={items ?? []}
        rowKey="id"
        renderItem={(a) => <VehicleAlarmItem alarm={a} queuePath={queuePath} />}
      />
    </div>
  );
}
