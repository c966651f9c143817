import type { ApprovedRoute, Zone, ZoneKind } from '@anlan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouteBody, RoutePatch } from '../features/admin/routeBody';
import type { ZoneBody, ZonePatch } from '../features/admin/zoneBody';
import { api } from './client';

/** Query keys: zones and approved routes are few (hundreds) and not paged. */
export const zonesKey = 'zones';
export const routesKey = 'routes';

export interface ZoneFilter {
  kind?: ZoneKind;
  /** 'true' in force, 'false' deactivated, undefined both. */
  active?: 'true' | 'false';
}

export function useZones(filter: ZoneFilter) {
  return useQuery({
    queryKey: [zonesKey, 'list', filter],
    queryFn: ({ signal }) => api<{ items: Zone[] }>('/api/zones', { query: { ...filter }, signal }).then((r) => r.items),
  });
}

export function useRoutes(filter: { organisationId?: string; active?: 'true' | 'false' }) {
  return useQuery({
    queryKey: [routesKey, 'list', filter],
    queryFn: ({ signal }) => api<{ items: ApprovedRoute[] }>('/api/routes', { query: { ...filter }, signal }).then((r) => r.items),
  });
}

/** Creates a zone (no id) or changes one (PATCH). */
export function useSaveZone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: ZoneBody } | { id: string; body: ZonePatch }) =>
      input.id === null
        ? api<Zone>('/api/zones', { method: 'POST', body: input.body })
        : api<Zone>(`/api/zones/${input.id}`, { method: 'PATCH', body: input.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [zonesKey] }),
  });
}

export function useSaveRoute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: RouteBody } | { id: string; body: RoutePatch }) =>
      input.id === null
        ? api<ApprovedRoute>('/api/routes', { method: 'POST', body: input.body })
        : api<ApprovedRoute>(`/api/routes/${input.id}`, { method: 'PATCH', body: input.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [routesKey] }),
  });
}

/**
 * Takes a zone or route out of force, or puts it back. The API deletes neither: alarms and trips keep naming them.
 */
export function useSetGeoActive(entity: 'zones' | 'routes') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? api<unknown>(`/api/${entity}/${id}`, { method: 'PATCH', body: { active: true } })
        : api<unknown>(`/api/${entity}/${id}/deactivate`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [entity === 'zones' ? zonesKey : routesKey] }),
  });
}
