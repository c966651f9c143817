import type { MapRoute, MapZone, ZoneGeometry, ZoneKind } from '@anlan/contracts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONTS } from './basemap/layers';
import type { LngLat } from './coordinates';

/** An area is filled and outlined; a line (a road, a corridor) is drawn as a line with its corridor beside it. */
export type ZoneShape = 'area' | 'line';

export interface ZoneProperties {
  zoneId: string;
  name: string;
  kind: ZoneKind;
  shape: ZoneShape;
  /** Corridor half-width in metres; 0 for an area without a buffer. */
  bufferM: number;
}

export interface RouteProperties {
  routeId: string;
  name: string;
  bufferM: number;
}

/** Fill and line colour of each kind: red forbids, orange limits speed, green allows parking, purple protects. */
export const zoneColours: Record<ZoneKind, string> = {
  restricted: '#cf1322',
  road: '#5b6b7f',
  speed_limit: '#d46b08',
  parking: '#389e0d',
  sensitive: '#722ed1',
};
export const routeColour = '#08979c';

/** A stored geometry placed where the base map draws it, ring by ring. */
export function projectGeometry(g: ZoneGeometry, project: (p: LngLat) => LngLat): Geometry {
  const line = (ps: readonly (readonly number[])[]) => ps.map((p) => project([p[0]!, p[1]!]));
  switch (g.type) {
    case 'LineString':
      return { type: 'LineString', coordinates: line(g.coordinates) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map(line) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((polygon) => polygon.map(line)) };
  }
}

export function zoneCollection(
  zones: readonly MapZone[],
  project: (p: LngLat) => LngLat,
): FeatureCollection<Geometry, ZoneProperties> {
  const features: Feature<Geometry, ZoneProperties>[] = zones.map((z) => ({
    type: 'Feature',
    geometry: projectGeometry(z.geometry, project),
    properties: {
      zoneId: z.id,
      name: z.name,
      kind: z.kind,
      shape: z.geometry.type === 'LineString' ? 'line' : 'area',
      bufferM: z.bufferM ?? 0,
    },
  }));
  return { type: 'FeatureCollection', features };
}

export function routeCollection(
  routes: readonly MapRoute[],
  project: (p: LngLat) => LngLat,
): FeatureCollection<Geometry, RouteProperties> {
  const features: Feature<Geometry, RouteProperties>[] = routes.map((r) => ({
    type: 'Feature',
    geometry: projectGeometry(r.geometry, project),
    properties: { routeId: r.id, name: r.name, bufferM: r.bufferM },
  }));
  return { type: 'FeatureCollection', features };
}

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** MapLibre's zoom 0 draws the world 512 px wide. */
const WORLD_PX_AT_ZOOM_0 = 512;

/** Pixels per metre on the ground at a zoom and latitude (Web Mercator). */
export function pixelsPerMetre(zoom: number, latitude: number): number {
  return (WORLD_PX_AT_ZOOM_0 * 2 ** zoom) / (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180));
}

/**
 * A line width that covers the corridor: `bufferM` each side, in pixels at every zoom. Scale doubles per zoom level,
 * which an exponential base-2 interpolation between two stops reproduces exactly. `latitude`: the district's (a
 * district spans far too little latitude for the scale to change within it).
 */
export function corridorWidth(latitude: number): ExpressionSpecification {
  const at = (zoom: number): ExpressionSpecification => ['*', 2 * pixelsPerMetre(zoom, latitude), ['get', 'bufferM']];
  return ['interpolate', ['exponential', 2], ['zoom'], 8, at(8), 20, at(20)];
}

/** Names along a zone's or route's line, once zoomed in (from zoom 13), in the line's colour. */
export function lineLabelLayer(
  id: string,
  source: string,
  colour: ExpressionSpecification | string,
  filter?: FilterSpecification,
): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    ...(filter ? { filter } : {}),
    minzoom: 13,
    layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': LABEL_FONTS, 'text-size': 11 },
    paint: { 'text-color': colour, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  };
}
