import type { Trip, TripStatus } from '@anlan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** GET /api/trips filters (paging apart). */
export interface TripFilters {
  vehicleId?: string;
  organisationId?: string;
  status?: TripStatus;
}

export interface TripPage {
  items: Trip[];
  total: number;
}

export const tripsKey = 'trips';

/** 电子运单, newest planned start first; the server scopes them to the carrier. */
export function useTrips(filters: TripFilters, limit = 20, offset = 0, enabled = true) {
  return useQuery({
    queryKey: [tripsKey, 'page', filters, limit, offset],
    enabled,
    queryFn: ({ signal }) => api<TripPage>('/api/trips', { query: { ...filters, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}
