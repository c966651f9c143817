/*
 * Metres from degrees. The district spans a few tens of kilometres, where a local equirectangular projection (x east,
 * y north, scaled by the cosine of a reference latitude) is within 0.1 % of the great circle and needs no
 * trigonometry per point: distances to polylines and polygon edges are plain planar geometry.
 */

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Metres per degree of latitude (and of longitude at the equator). */
export const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

/** A local plane around (lat0, lon0): x = (lon − lon0)·kx, y = (lat − lat0)·ky, in metres. */
export interface LocalProjection {
  lat0: number;
  lon0: number;
  kx: number;
  ky: number;
}

/** The local plane tangent at (lat0, lon0). */
export function localProjection(lat0: number, lon0: number): LocalProjection {
  return { lat0, lon0, kx: M_PER_DEG * Math.cos((lat0 * Math.PI) / 180), ky: M_PER_DEG };
}

/** Distance in metres between two WGS-84 points (equirectangular at their mean latitude; for < 100 km). */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const kx = M_PER_DEG * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const dx = (lon2 - lon1) * kx;
  const dy = (lat2 - lat1) * M_PER_DEG;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Degrees of latitude and longitude that `m` metres span at latitude `lat` (for bounding boxes). */
export function metresToDegrees(lat: number, m: number): { dLat: number; dLon: number } {
  const cos = Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  return { dLat: m / M_PER_DEG, dLon: m / (M_PER_DEG * cos) };
}

/** Squared distance from point (px, py) to the segment (ax, ay)–(bx, by), all in one plane. */
export function segmentDistanceSq(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}
