import type { MapFeatures } from '@anlan/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/**
 * Subjects, open hazards, zones and approved routes for the live map (GET /api/map/features, scoped by the server).
 * They change by the hour, not the second: read again every minute while the map is open.
 */
export function useMapFeatures() {
  return useQuery({
    queryKey: ['map', 'features'],
    queryFn: ({ signal }) => api<MapFeatures>('/api/map/features', { signal }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}
