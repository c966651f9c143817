import type { Vehicle, VehicleStatus } from '@anlan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** GET /api/vehicles filters (paging apart). */
export interface VehicleFilters {
  q?: string;
  organisationId?: string;
  status?: VehicleStatus;
}

export interface VehiclePage {
  items: Vehicle[];
  total: number;
}

// Under the map's 'vehicles' key, so what invalidates the map's vehicle reads refreshes these too.
const key = ['vehicles', 'list'] as const;

const clean = (f: VehicleFilters) => ({ q: f.q?.trim() || undefined, organisationId: f.organisationId, status: f.status });

export function fetchVehicles(filters: VehicleFilters, limit: number, offset: number, signal?: AbortSignal): Promise<VehiclePage> {
  return api<VehiclePage>('/api/vehicles', { query: { ...clean(filters), limit, offset }, signal });
}

/** One page of vehicles with their online status and latest position; re-read every 30 s while shown. */
export function useVehicleList(filters: VehicleFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: [...key, clean(filters), limit, offset],
    queryFn: ({ signal }) => fetchVehicles(filters, limit, offset, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export type StatusCounts = Record<VehicleStatus, number>;

/** How many of the matching vehicles are online, offline, never connected (three one-row reads: the totals). */
export function useVehicleCounts(filters: Omit<VehicleFilters, 'status'>) {
  return useQuery({
    queryKey: [...key, 'counts', clean(filters)],
    queryFn: async ({ signal }): Promise<StatusCounts> => {
      const [online, offline, never] = await Promise.all(
        (['online', 'offline', 'never'] as const).map((status) => fetchVehicles({ ...filters, status }, 1, 0, signal).then((p) => p.total)),
      );
      return { online: online!, offline: offline!, never: never! };
    },
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** Vehicles whose plate matches what was typed, for pickers (at most 50). */
export function useVehicleSearch(q: string, organisationId?: string) {
  return useQuery({
    queryKey: [...key, 'search', q.trim(), organisationId ?? null],
    queryFn: async ({ signal }): Promise<Vehicle[]> => (await fetchVehicles({ q, organisationId }, 50, 0, signal)).items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
