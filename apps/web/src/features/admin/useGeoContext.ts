import { useMemo } from 'react';
import { useRoutes, useZones } from '../../api/geo';
import type { ContextShape } from './GeoContextLayer';

const inForce = { active: 'true' } as const;

/** The zones and routes in force, but the one being edited, to draw around a new or changed shape. */
export function useGeoContext(editingId: string | null): ContextShape[] {
  const zones = useZones(inForce);
  const routes = useRoutes(inForce);
  return useMemo(
    () => [
      ...(zones.data ?? [])
        .filter((z) => z.id !== editingId)
        .map((z): ContextShape => ({ id: z.id, geometry: z.geometry, tone: z.kind === 'restricted' ? 'restricted' : 'zone' })),
      ...(routes.data ?? []).filter((r) => r.id !== editingId).map((r): ContextShape => ({ id: r.id, geometry: r.geometry, tone: 'route' })),
    ],
    [zones.data, routes.data, editingId],
  );
}
