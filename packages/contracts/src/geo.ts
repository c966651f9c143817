import { z } from 'zod';
import type { Locale } from './errors.js';
import { instant } from './common.js';

/*
 * The geometry the rules check positions against: zones and approved routes (trips are in trips.ts).
 * GeoJSON, WGS-84, coordinates [lon, lat]; distances in metres, speeds in km/h, instants ISO 8601 UTC.
 */

/** Positions one geometry may hold: a district's zones have tens to hundreds; this bounds a hostile body. */
export const MAX_GEOMETRY_POSITIONS = 10_000;

const lon = z.number().min(-180, 'longitude must be ≥ −180').max(180, 'longitude must be ≤ 180');
const lat = z.number().min(-90, 'latitude must be ≥ −90').max(90, 'latitude must be ≤ 90');
/** A GeoJSON position: [longitude, latitude] in WGS-84 degrees (no altitude). */
export const geoPosition = z.tuple([lon, lat]);

const samePosition = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** A closed linear ring: at least 4 positions, the last equal to the first, at least 3 of them distinct. */
export const linearRing = z
  .array(geoPosition)
  // Too short says it all: abort before the other checks pile on.
  .min(4, { message: 'a ring needs at least 4 positions', abort: true })
  .max(MAX_GEOMETRY_POSITIONS)
  .refine(
    (ring) => samePosition(ring[0], ring[ring.length - 1]),
    'a ring must be closed: its last position must equal its first',
  )
  .refine(
    (ring) => new Set(ring.map((p) => `${p[0]},${p[1]}`)).size >= 3,
    'a ring needs at least 3 distinct positions',
  );

export const polygonGeometry = z.strictObject({
  type: z.literal('Polygon'),
  /** The outer ring, then holes. */
  coordinates: z.array(linearRing).min(1, 'a polygon needs an outer ring').max(100),
});
export const multiPolygonGeometry = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(linearRing).min(1, 'a polygon needs an outer ring').max(100)).min(1).max(100),
});
export const lineStringGeometry = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z
    .array(geoPosition)
    .min(2, { message: 'a line needs at least 2 positions', abort: true })
    .max(MAX_GEOMETRY_POSITIONS)
    .refine((line) => line.some((p) => !samePosition(p, line[0])), 'a line needs at least 2 distinct positions'),
});
export type LineStringGeometry = z.infer<typeof lineStringGeometry>;

/** What a zone may be: an area (Polygon, MultiPolygon) or a corridor (LineString with `bufferM`). */
export const zoneGeometry = z.discriminatedUnion('type', [polygonGeometry, multiPolygonGeometry, lineStringGeometry]);
export type ZoneGeometry = z.infer<typeof zoneGeometry>;

export const zoneKinds = ['restricted', 'road', 'speed_limit', 'parking', 'sensitive'] as const;
export const zoneKind = z.enum(zoneKinds);
export type ZoneKind = z.infer<typeof zoneKind>;
export const roadClasses = ['expressway', 'urban', 'park'] as const;
export const roadClass = z.enum(roadClasses);
export type RoadClass = z.infer<typeof roadClass>;

/** A wall-clock time, Asia/Shanghai, 'HH:MM' from 00:00 to 23:59. */
export const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM between 00:00 and 23:59');

/**
 * What a zone's category says (restricted zones above all). Free to extend: any lower-case slug is accepted; these
 * have labels.
 */
export const zoneCategoryLabels: Record<string, Record<Locale, string>> = {
  school: { 'zh-CN': '学校', en: 'school' },
  residential: { 'zh-CN': '居民区', en: 'residential area' },
  hospital: { 'zh-CN': '医院', en: 'hospital' },
  tunnel: { 'zh-CN': '隧道', en: 'tunnel' },
  bridge: { 'zh-CN': '桥梁', en: 'bridge' },
  water_source: { 'zh-CN': '水源保护区', en: 'water source protection area' },
  chemical_park: { 'zh-CN': '化工园区', en: 'chemical park' },
  port: { 'zh-CN': '港区码头', en: 'port' },
  expressway: { 'zh-CN': '高速公路', en: 'expressway' },
  road: { 'zh-CN': '道路', en: 'road' },
  other: { 'zh-CN': '其他', en: 'other' },
};
export const zoneCategory = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _ (e.g. school)');

export const zoneKindLabels: Record<ZoneKind, Record<Locale, string>> = {
  restricted: { 'zh-CN': '禁行区域', en: 'restricted zone' },
  road: { 'zh-CN': '道路', en: 'road' },
  speed_limit: { 'zh-CN': '限速区域', en: 'speed-limit zone' },
  parking: { 'zh-CN': '准停区域', en: 'approved parking area' },
  sensitive: { 'zh-CN': '敏感区域', en: 'sensitive area' },
};
export const roadClassLabels: Record<RoadClass, Record<Locale, string>> = {
  expressway: { 'zh-CN': '高速公路', en: 'expressway' },
  urban: { 'zh-CN': '普通道路', en: 'urban road' },
  park: { 'zh-CN': '园区道路', en: 'park road' },
};

/** Corridor half-width, metres: a road, a tunnel, an approved route. */
export const bufferM = z.number().positive('must be more than 0 m').max(5000, 'at most 5000 m');
export const speedLimitKmh = z.number().positive('must be more than 0 km/h').max(150, 'at most 150 km/h');

const zoneFields = {
  name: z.string().trim().min(2).max(100),
  kind: zoneKind,
  category: zoneCategory.nullable().optional(),
  geometry: zoneGeometry,
  bufferM: bufferM.nullable().optional(),
  roadClass: roadClass.nullable().optional(),
  speedLimitKmh: speedLimitKmh.nullable().optional(),
  nightFrom: wallTime.nullable().optional().describe('start of the night ban, Asia/Shanghai; may wrap midnight'),
  nightTo: wallTime.nullable().optional().describe('end of the night ban, Asia/Shanghai'),
  maxParkingMinutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60)
    .nullable()
    .optional(),
};

/** The fields the kind-specific rules look at. */
export interface ZoneRuleInput {
  kind: ZoneKind;
  geometry: ZoneGeometry;
  bufferM?: number | null | undefined;
  roadClass?: RoadClass | null | undefined;
  speedLimitKmh?: number | null | undefined;
  nightFrom?: string | null | undefined;
  nightTo?: string | null | undefined;
}

/**
 * The rules that tie a zone's fields to its kind and geometry, as issues naming the field. Shared by the create
 * schema and the server's check of an update merged onto the stored zone.
 */
export function zoneRuleIssues(zone: ZoneRuleInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const has = (v: unknown) => v !== null && v !== undefined;
  if (zone.geometry.type === 'LineString' && !has(zone.bufferM))
    issues.push({
      path: 'bufferM',
      message: 'a LineString zone is a corridor: bufferM (metres each side) is required',
    });
  if (zone.kind === 'road' && !has(zone.roadClass))
    issues.push({ path: 'roadClass', message: 'a road zone needs roadClass (expressway, urban or park)' });
  if (zone.kind !== 'road' && has(zone.roadClass))
    issues.push({ path: 'roadClass', message: 'roadClass applies to road zones only' });
  if (zone.kind === 'speed_limit' && !has(zone.speedLimitKmh))
    issues.push({ path: 'speedLimitKmh', message: 'a speed_limit zone needs speedLimitKmh' });
  if (zone.kind !== 'speed_limit' && zone.kind !== 'road' && has(zone.speedLimitKmh))
    issues.push({ path: 'speedLimitKmh', message: 'speedLimitKmh applies to road and speed_limit zones only' });
  if (has(zone.nightFrom) !== has(zone.nightTo)) {
    const missing = has(zone.nightFrom) ? 'nightTo' : 'nightFrom';
    issues.push({ path: missing, message: 'a night window needs both nightFrom and nightTo' });
  } else if (has(zone.nightFrom) && zone.nightFrom === zone.nightTo) {
    issues.push({ path: 'nightTo', message: 'nightTo must differ from nightFrom' });
  }
  return issues;
}

export const createZone = z.strictObject(zoneFields).superRefine((zone, ctx) => {
  for (const i of zoneRuleIssues(zone)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
});
export type CreateZone = z.infer<typeof createZone>;

/** A partial update; null clears a field. The kind-specific rules are checked on the zone as it would become. */
export const updateZone = z
  .strictObject({ ...zoneFields, active: z.boolean() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type UpdateZone = z.infer<typeof updateZone>;

export const zone = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: zoneKind,
  category: z.string().nullable(),
  geometry: zoneGeometry,
  bufferM: z.number().nullable(),
  roadClass: roadClass.nullable(),
  speedLimitKmh: z.number().nullable(),
  nightFrom: z.string().nullable(),
  nightTo: z.string().nullable(),
  maxParkingMinutes: z.number().int().nullable(),
  active: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});
export type Zone = z.infer<typeof zone>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const zoneQuery = z.strictObject({
  kind: zoneKind.optional(),
  active: boolParam.optional().describe('true: in force; false: deactivated; absent: both'),
});
export type ZoneQuery = z.infer<typeof zoneQuery>;
/** Zones are few (hundreds per district) and the map wants them all: lists are not paged. */
export const zoneList = z.object({ items: z.array(zone) });

/** An approved route (核定路线): a corridor `bufferM` metres each side of the line; organisationId null is shared. */
export const createRoute = z.strictObject({
  name: z.string().trim().min(2).max(100),
  organisationId: z
    .uuid()
    .nullable()
    .optional()
    .describe('the carrier it is approved for; absent or null: every carrier'),
  geometry: lineStringGeometry,
  bufferM: bufferM.default(200),
});
export type CreateRoute = z.infer<typeof createRoute>;

export const updateRoute = z
  .strictObject({
    name: z.string().trim().min(2).max(100),
    organisationId: z.uuid().nullable(),
    geometry: lineStringGeometry,
    bufferM,
    active: z.boolean(),
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type UpdateRoute = z.infer<typeof updateRoute>;

export const approvedRoute = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  geometry: lineStringGeometry,
  bufferM: z.number(),
  active: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});
export type ApprovedRoute = z.infer<typeof approvedRoute>;

export const routeQuery = z.strictObject({
  organisationId: z.uuid().optional().describe("a carrier's routes (the shared ones are listed too)"),
  active: boolParam.optional(),
});
export type RouteQuery = z.infer<typeof routeQuery>;
export const routeList = z.object({ items: z.array(approvedRoute) });
