import type { ApprovedRoute, createRoute, LineStringGeometry, updateRoute } from '@anlan/contracts';
import type { Input } from '../../api/types';

export type RouteBody = Input<typeof createRoute>;
export type RoutePatch = Input<typeof updateRoute>;

/** What the route form holds; `geometry` is the WGS-84 centre line. No carrier: the route is shared by all. */
export interface RouteFormValues {
  name: string;
  organisationId?: string | null;
  bufferM: number;
  geometry?: LineStringGeometry | null;
}

/** The API's default corridor half-width, metres. */
export const DEFAULT_ROUTE_BUFFER_M = 200;

export function routeCreateBody(v: RouteFormValues): RouteBody {
  return {
    name: v.name.trim(),
    ...(v.organisationId ? { organisationId: v.organisationId } : {}),
    geometry: v.geometry as LineStringGeometry,
    bufferM: v.bufferM,
  };
}

/** PATCH: a cleared carrier becomes null (shared); the geometry only when it was redrawn or edited. */
export function routeUpdateBody(v: RouteFormValues, geometryChanged: boolean): RoutePatch {
  return {
    name: v.name.trim(),
    organisationId: v.organisationId || null,
    bufferM: v.bufferM,
    ...(geometryChanged && v.geometry ? { geometry: v.geometry } : {}),
  };
}

export function routeFormValues(route: ApprovedRoute): RouteFormValues {
  return { name: route.name, organisationId: route.organisationId, bufferM: route.bufferM, geometry: route.geometry };
}

export const newRouteValues = (): RouteFormValues => ({ name: '', organisationId: null, bufferM: DEFAULT_ROUTE_BUFFER_M, geometry: null });
