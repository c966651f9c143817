import { vehicleStatus } from '@anlan/contracts';
import type { VehicleFilters } from './useVehicles';

/** The vehicle list's filters as they sit in the URL. */
export interface VehicleParams {
  q?: string;
  organisationId?: string;
  status?: string;
}

export const vehicleParamNames = ['q', 'organisationId', 'status'] as const satisfies readonly (keyof VehicleParams)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each parameter may hold (the API's limits); anything else in a hand-edited URL is ignored. */
const valid: Record<keyof VehicleParams, (v: string) => boolean> = {
  q: (v) => v.trim().length > 0 && v.trim().length <= 20,
  organisationId: (v) => UUID.test(v),
  status: (v) => (vehicleStatus.options as readonly string[]).includes(v),
};

export function readVehicleParams(search: URLSearchParams): VehicleParams {
  const params: VehicleParams = {};
  for (const name of vehicleParamNames) {
    const value = search.get(name);
    if (value !== null && valid[name](value)) params[name] = value.trim();
  }
  return params;
}

export function writeVehicleParams(params: VehicleParams, into = new URLSearchParams()): URLSearchParams {
  for (const name of vehicleParamNames) {
    const value = params[name]?.trim();
    if (value && valid[name](value)) into.set(name, value);
    else into.delete(name);
  }
  return into;
}

export function toVehicleFilters(p: VehicleParams): VehicleFilters {
  return { q: p.q, organisationId: p.organisationId, status: p.status as VehicleFilters['status'] };
}
