import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCurrentUser } from '../auth/CurrentUser';
import { areaById, canEnter } from '../shell/areas';
import { StatusCounts } from './StatusCounts';
import { toVehicleFilters } from './vehicleParams';
import { VehicleDrawer } from './VehicleDrawer';
import { VehicleFilterBar } from './VehicleFilterBar';
import { VehicleTable } from './VehicleTable';
import { useVehicleParams } from './useVehicleParams';
import { useVehicleCounts, useVehicleList } from './useVehicles';

/**
 * 危货车辆: every vehicle the user may see with its online status (the server scopes: a carrier sees its own), counts
 * online / offline / never connected, and a drawer per vehicle with its trips and recent alarms.
 */
export function VehiclesPage({ carrier = false }: { carrier?: boolean }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { params, page, size, vehicleId, setParams, setPage, openVehicle } = useVehicleParams();
  const filters = toVehicleFilters(params);
  const list = useVehicleList(filters, size, (page - 1) * size);
  const counts = useVehicleCounts({ q: filters.q, organisationId: filters.organisationId });
  const alarmsPath = carrier ? '/my/alarms' : canEnter(user.role, areaById('alarms')) ? '/monitor/alarms' : undefined;
  return (
    <Card title={t(carrier ? 'vehicles.carrierTitle' : 'vehicles.title')}>
      <StatusCounts
        counts={counts.data}
        loading={counts.isPending}
        selected={params.status}
        onSelect={(status) => setParams({ ...params, status })}
      />
      <VehicleFilterBar value={params} onChange={setParams} byCarrier={!carrier} />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <div data-testid="vehicle-list">
        <VehicleTable
          vehicles={list.data?.items}
          loading={list.isFetching}
          showCarrier={!carrier}
          onOpen={openVehicle}
          pagination={{
            current: page,
            pageSize: size,
            total: list.data?.total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (count) => t('common.total', { count }),
            onChange: setPage,
          }}
        />
      </div>
      <VehicleDrawer
        vehicleId={vehicleId}
        onClose={() => openVehicle(undefined)}
        alarmsPath={alarmsPath}
        vehiclePath={carrier ? '/my/vehicles' : '/vehicles'}
      />
    </Card>
  );
}

/** 本企业车辆 in the carrier's portal. */
export const MyVehiclesPage = () => <VehiclesPage carrier />;
