import { z } from 'zod';
import { lineStringGeometry, zoneGeometry, zoneKind } from './geo.js';
import { escalationLevel, hazardLevel, hazardStatus, riskColour } from './hazards.js';
import { subjectType } from './subjects.js';

/*
 * GET /api/map/features: what the live map draws besides vehicles, in one answer and only the fields a marker,
 * a label and its popup need. Coordinates are WGS-84 degrees; the web converts them for its base map.
 */

/** A subject (检查对象) with a position, its four-colour risk level and how many of its hazards are open. */
export const mapSubject = z.object({
  id: z.uuid(),
  name: z.string(),
  type: subjectType,
  lat: z.number(),
  lon: z.number(),
  colour: riskColour,
  escalation: escalationLevel,
  openHazards: z.number().int().min(0),
});
export type MapSubject = z.infer<typeof mapSubject>;

/** An open hazard (not closed, not void), where it was found or else at its subject. */
export const mapHazard = z.object({
  id: z.uuid(),
  code: z.string(),
  level: hazardLevel,
  status: hazardStatus,
  category: z.string(),
  subjectId: z.uuid(),
  subjectName: z.string(),
  lat: z.number(),
  lon: z.number(),
  overdue: z.boolean(),
  escalation: escalationLevel,
});
export type MapHazard = z.infer<typeof mapHazard>;

/** A zone in force, with what its label and popup say. */
export const mapZone = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: zoneKind,
  category: z.string().nullable(),
  geometry: zoneGeometry,
  bufferM: z.number().nullable(),
  speedLimitKmh: z.number().nullable(),
});
export type MapZone = z.infer<typeof mapZone>;

/** An approved route in force: its line and the corridor half-width. */
export const mapRoute = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationName: z.string().nullable(),
  geometry: lineStringGeometry,
  bufferM: z.number(),
});
export type MapRoute = z.infer<typeof mapRoute>;

/** Every layer the user may see: an enterprise gets its own subjects, hazards and routes (and the shared routes). */
export const mapFeatures = z.object({
  subjects: z.array(mapSubject),
  hazards: z.array(mapHazard),
  zones: z.array(mapZone),
  routes: z.array(mapRoute),
});
export type MapFeatures = z.infer<typeof mapFeatures>;
