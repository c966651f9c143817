import type { MapDatum } from '@anlan/contracts';

/** A position as [longitude, latitude] in degrees, the order GeoJSON and MapLibre use. */
export type LngLat = [number, number];

// The constants of the published GCJ-02 algorithm (Krasovsky 1940 ellipsoid) and of Baidu's BD-09 offset.
const A = 6378245.0;
const EE = 0.00669342162296594323;
const X_PI = (Math.PI * 3000.0) / 180.0;

/** GCJ-02 only shifts points inside China; outside it equals WGS-84. */
export function outOfChina([lng, lat]: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function shiftLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS-84 → GCJ-02 (高德, 腾讯). */
export function wgs84ToGcj02(p: LngLat): LngLat {
  if (outOfChina(p)) return p;
  const [lng, lat] = p;
  const radLat = (lat / 180.0) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(lng - 105.0, lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(lng - 105.0, lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/**
 * GCJ-02 → WGS-84. The forward shift has no closed inverse; a few fixed-point steps bring the error under a
 * millimetre (the one-step inverse common online is off by up to a metre).
 */
export function gcj02ToWgs84(p: LngLat): LngLat {
  if (outOfChina(p)) return p;
  let [lng, lat] = p;
  for (let i = 0; i < 10; i++) {
    const [gLng, gLat] = wgs84ToGcj02([lng, lat]);
    const dLng = p[0] - gLng;
    const dLat = p[1] - gLat;
    lng += dLng;
    lat += dLat;
    if (Math.abs(dLng) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return [lng, lat];
}

/** GCJ-02 → BD-09 (百度). */
export function gcj02ToBd09([lng, lat]: LngLat): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** BD-09 → GCJ-02. */
export function bd09ToGcj02([bdLng, bdLat]: LngLat): LngLat {
  const x = bdLng - 0.0065;
  const y = bdLat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

export const wgs84ToBd09 = (p: LngLat): LngLat => gcj02ToBd09(wgs84ToGcj02(p));
export const bd09ToWgs84 = (p: LngLat): LngLat => gcj02ToWgs84(bd09ToGcj02(p));

const identity = (p: LngLat): LngLat => p;

/**
 * From stored WGS-84 to where the base map draws the place: nothing for 天地图 (CGCS2000 ≈ WGS-84), OSM and the
 * offline map; GCJ-02 for AMap/Tencent; BD-09 for Baidu.
 */
export function toDisplay(datum: MapDatum): (p: LngLat) => LngLat {
  switch (datum) {
    case 'wgs84':
      return identity;
    case 'gcj02':
      return wgs84ToGcj02;
    case 'bd09':
      return wgs84ToBd09;
  }
}

/** Back from a place picked on the base map to WGS-84. */
export function fromDisplay(datum: MapDatum): (p: LngLat) => LngLat {
  switch (datum) {
    case 'wgs84':
      return identity;
    case 'gcj02':
      return gcj02ToWgs84;
    case 'bd09':
      return bd09ToWgs84;
  }
}
