import { z } from 'zod';

/**
 * Base maps the console can draw under the vehicles: the demo base map shipped with the app (no network),
 * 天地图 (needs a tk key), OpenStreetMap raster tiles, 高德 AMap raster tiles (GCJ-02).
 */
export const basemapKinds = ['offline', 'tianditu', 'osm', 'amap'] as const;
export const basemapKind = z.enum(basemapKinds);
export type BasemapKind = z.infer<typeof basemapKind>;

/**
 * The coordinate system a base map is drawn in. Positions are stored in WGS-84 and converted for display only:
 * 天地图 uses CGCS2000 (≈ WGS-84, no conversion), AMap/Tencent GCJ-02, Baidu BD-09.
 */
export const mapDatum = z.enum(['wgs84', 'gcj02', 'bd09']);
export type MapDatum = z.infer<typeof mapDatum>;

/** GET /api/map/config: which base map to draw and how. */
export const mapConfig = z.object({
  basemap: basemapKind,
  datum: mapDatum,
  /** Raster tile URL templates ({z}/{x}/{y}) of an online base map; empty for the offline one. */
  tiles: z.array(z.string()),
  /** A second raster layer drawn above the first (天地图's annotation tiles); empty when none. */
  labelTiles: z.array(z.string()),
  attribution: z.string(),
  /** Where the map opens: [lon, lat] in WGS-84, and the zoom. */
  center: z.tuple([z.number(), z.number()]),
  zoom: z.number(),
});
export type MapConfig = z.infer<typeof mapConfig>;
