import type { MapDatum, ZoneGeometry } from '@anlan/contracts';
import type { DrawnGeometry, DrawShape } from '../../map/DrawControl';
import { fromDisplay, toDisplay, type LngLat } from '../../map/coordinates';

export type { DrawnGeometry, DrawShape };

/** Seven decimals of a degree are about a centimetre: more only bloats the stored GeoJSON. */
const round = (v: number): number => Math.round(v * 1e7) / 1e7;

/** Applies `f` to every position of a geometry, keeping its shape. */
export function mapPositions<G extends ZoneGeometry>(geometry: G, f: (p: LngLat) => LngLat): G {
  const at = (p: readonly number[]) => f([p[0]!, p[1]!]);
  switch (geometry.type) {
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(at) };
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(at)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(at))) };
  }
}

/** Stored WGS-84 → where the base map draws it (GCJ-02 on AMap-like tiles). */
export function toDisplayGeometry<G extends ZoneGeometry>(geometry: G, datum: MapDatum): G {
  return mapPositions(geometry, toDisplay(datum));
}

/**
 * A shape drawn on the base map → WGS-84 for the API, rounded to a centimetre. Rings stay closed: the closing
 * position is converted and rounded like the first, so it stays equal to it.
 */
export function toStoredGeometry<G extends ZoneGeometry>(geometry: G, datum: MapDatum): G {
  const back = fromDisplay(datum);
  return mapPositions(geometry, (p) => {
    const [lng, lat] = back(p);
    return [round(lng), round(lat)];
  });
}

/** Whether terra-draw can edit this geometry's vertices (not a MultiPolygon, not a polygon with holes). */
export function editableShape(geometry: ZoneGeometry): DrawnGeometry | null {
  if (geometry.type === 'LineString') return { type: 'LineString', coordinates: geometry.coordinates };
  if (geometry.type === 'Polygon' && geometry.coordinates.length === 1) return { type: 'Polygon', coordinates: geometry.coordinates };
  return null;
}

/** The drawing tool a geometry calls for. */
export const shapeOf = (geometry: ZoneGeometry): DrawShape => (geometry.type === 'LineString' ? 'linestring' : 'polygon');

/** [west, south, east, north] of a geometry, to fit the map to it. */
export function boundsOf(geometry: ZoneGeometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  mapPositions(geometry, (p) => {
    b[0] = Math.min(b[0], p[0]);
    b[1] = Math.min(b[1], p[1]);
    b[2] = Math.max(b[2], p[0]);
    b[3] = Math.max(b[3], p[1]);
    return p;
  });
  return b;
}
