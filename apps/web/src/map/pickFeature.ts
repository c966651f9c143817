import type { MapGeoJSONFeature } from 'maplibre-gl';
import type { LngLat } from './coordinates';

/** What a click on the map landed on, topmost first. */
export type PickKind = 'subject' | 'hazard' | 'zone' | 'route';

export type Picked =
  /** Another layer handles it (a vehicle opens its own panel): leave it alone. */
  | { kind: 'other' }
  | { kind: 'cluster'; source: string; clusterId: number; center: LngLat }
  | { kind: PickKind; id: string; name: string; at: LngLat }
  | { kind: 'nothing' };

const bySource: Record<string, { kind: PickKind; id: string; name: (p: Record<string, unknown>) => string }> = {
  subjects: { kind: 'subject', id: 'subjectId', name: (p) => String(p.name) },
  hazards: { kind: 'hazard', id: 'hazardId', name: (p) => `${String(p.code)} · ${String(p.subjectName)}` },
  zones: { kind: 'zone', id: 'zoneId', name: (p) => String(p.name) },
  routes: { kind: 'route', id: 'routeId', name: (p) => String(p.name) },
};

/**
 * The topmost feature under the pointer, as the map page acts on it. Points open their popup at the point itself;
 * areas and lines where the pointer is.
 */
export function pickOf(
  features: readonly Pick<MapGeoJSONFeature, 'source' | 'properties' | 'geometry'>[],
  pointer: LngLat,
): Picked {
  const top = features[0];
  if (!top) return { kind: 'nothing' };
  const point = top.geometry.type === 'Point' ? (top.geometry.coordinates as LngLat) : undefined;
  const clusterId = top.properties.cluster_id as unknown;
  if (typeof clusterId === 'number' && point) return { kind: 'cluster', source: top.source, clusterId, center: point };
  const known = bySource[top.source];
  const id = known && (top.properties[known.id] as unknown);
  if (!known || typeof id !== 'string') return { kind: 'other' };
  return { kind: known.kind, id, name: known.name(top.properties), at: point ?? pointer };
}
