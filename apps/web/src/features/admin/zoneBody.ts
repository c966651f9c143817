import type { createZone, RoadClass, updateZone, Zone, ZoneGeometry, ZoneKind } from '@anlan/contracts';
import type { Input } from '../../api/types';
import type { DrawShape } from './geoGeometry';

export type ZoneBody = Input<typeof createZone>;
export type ZonePatch = Input<typeof updateZone>;

/** What the zone form holds; `geometry` is WGS-84 (the map converts as it draws). Empty inputs are null/undefined. */
export interface ZoneFormValues {
  name: string;
  kind: ZoneKind;
  category?: string | null;
  /** An area (Polygon) or a corridor (a centre line with `bufferM` each side). */
  shape: DrawShape;
  geometry?: ZoneGeometry | null;
  bufferM?: number | null;
  roadClass?: RoadClass | null;
  speedLimitKmh?: number | null;
  /** 'HH:MM', Asia/Shanghai. */
  nightFrom?: string | null;
  nightTo?: string | null;
  maxParkingMinutes?: number | null;
}

/** The optional attributes of a zone, and which kinds and shapes they apply to (as the API's rules say). */
export type ZoneAttribute = 'category' | 'bufferM' | 'roadClass' | 'speedLimitKmh' | 'nightFrom' | 'nightTo' | 'maxParkingMinutes';
const attributes: readonly ZoneAttribute[] = ['category', 'bufferM', 'roadClass', 'speedLimitKmh', 'nightFrom', 'nightTo', 'maxParkingMinutes'];

/** The attributes the form shows for a kind and shape; the others are cleared on save. */
export function zoneAttributes(kind: ZoneKind, shape: DrawShape): Set<ZoneAttribute> {
  const shown = new Set<ZoneAttribute>(['category', 'nightFrom', 'nightTo']);
  if (shape === 'linestring') shown.add('bufferM');
  if (kind === 'road') shown.add('roadClass');
  if (kind === 'road' || kind === 'speed_limit') shown.add('speedLimitKmh');
  if (kind === 'parking') shown.add('maxParkingMinutes');
  return shown;
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The attributes that apply, each as entered or null when left empty or not applicable. */
function attributeValues(v: ZoneFormValues): Record<ZoneAttribute, string | number | null> {
  const shown = zoneAttributes(v.kind, v.shape);
  const out = {} as Record<ZoneAttribute, string | number | null>;
  for (const key of attributes) {
    const value = v[key];
    out[key] = shown.has(key) && !blank(value) ? (value as string | number) : null;
  }
  return out;
}

/** POST /api/zones: empty and not-applicable attributes are left out. */
export function zoneCreateBody(v: ZoneFormValues): ZoneBody {
  const present = Object.fromEntries(Object.entries(attributeValues(v)).filter(([, value]) => value !== null));
  return { name: v.name.trim(), kind: v.kind, geometry: v.geometry as ZoneGeometry, ...present } as ZoneBody;
}

/**
 * PATCH /api/zones/:id: every attribute, null clearing what is empty or no longer applies (a zone that stops being
 * a road loses its road class). The geometry goes only when it was redrawn or edited: converting the stored one to
 * the map's datum and back would otherwise change its last digits.
 */
export function zoneUpdateBody(v: ZoneFormValues, geometryChanged: boolean): ZonePatch {
  return {
    name: v.name.trim(),
    kind: v.kind,
    ...(geometryChanged && v.geometry ? { geometry: v.geometry } : {}),
    ...attributeValues(v),
  } as ZonePatch;
}

/** The form's starting values for a stored zone. */
export function zoneFormValues(zone: Zone): ZoneFormValues {
  return {
    name: zone.name,
    kind: zone.kind,
    category: zone.category,
    shape: zone.geometry.type === 'LineString' ? 'linestring' : 'polygon',
    geometry: zone.geometry,
    bufferM: zone.bufferM,
    roadClass: zone.roadClass,
    speedLimitKmh: zone.speedLimitKmh,
    nightFrom: zone.nightFrom,
    nightTo: zone.nightTo,
    maxParkingMinutes: zone.maxParkingMinutes,
  };
}

/** A new zone's starting values: a road is usually drawn as its centre line. */
export function newZoneValues(kind: ZoneKind = 'restricted'): ZoneFormValues {
  return { name: '', kind, shape: kind === 'road' ? 'linestring' : 'polygon', geometry: null };
}
