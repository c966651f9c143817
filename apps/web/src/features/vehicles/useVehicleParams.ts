import { useSearchParams } from 'react-router';
import { isUuid } from '../monitor/alarmParams';
import { readVehicleParams, writeVehicleParams, type VehicleParams } from './vehicleParams';

const SIZES = [20, 50, 100];

/** The vehicle list's filters, page and open vehicle live in the URL (links from alarms open a vehicle). */
export function useVehicleParams() {
  const [search, setSearch] = useSearchParams();
  const params = readVehicleParams(search);
  const size = SIZES.includes(Number(search.get('size'))) ? Number(search.get('size')) : 20;
  const page = Math.max(1, Math.floor(Number(search.get('page')) || 1));
  const vehicleParam = search.get('vehicle');
  const vehicleId = isUuid(vehicleParam) ? vehicleParam : undefined;
  const write = (next: VehicleParams, nextPage: number, nextSize: number, vehicle: string | undefined) => {
    const written = writeVehicleParams(next);
    if (nextSize !== 20) written.set('size', String(nextSize));
    if (nextPage > 1) written.set('page', String(nextPage));
    if (vehicle) written.set('vehicle', vehicle);
    setSearch(written);
  };
  return {
    params,
    page,
    size,
    vehicleId,
    setParams: (next: VehicleParams) => write(next, 1, size, vehicleId),
    setPage: (nextPage: number, nextSize: number) => write(params, nextSize === size ? nextPage : 1, nextSize, vehicleId),
    openVehicle: (id: string | undefined) => write(params, page, size, id),
  };
}
