import type { AlarmTypeName } from '@anlan/contracts';

/**
 * The boundary of the rules engine: what it is fed (positions, vehicles, geometry, clock ticks) and what it emits
 * (alarm signals). Everything in rules/ is pure and synchronous — no database, no timers, no Date.now(): the
 * monitoring service feeds it and stores what comes out, so scenario tests can replay tracks exactly.
 *
 * Units are canonical: WGS-84 degrees, km/h, metres, epoch milliseconds (UTC). Wall-clock windows (night driving)
 * are Asia/Shanghai local time, converted inside the engine.
 */

/** A position as the rules see it (from the gateway's PositionRecord, times as epoch ms). */
export interface RulePosition {
  /** Device time (GNSS time of the fix), epoch ms. Rules order and measure by this, never by arrival. */
  t: number;
  /** When the platform received it, epoch ms. */
  receivedAt: number;
  lat: number;
  lon: number;
  speedKmh: number;
  heading: number;
  /** The JT/T 808 alarm DWORD (unsigned). */
  alarmBits: number;
  /** The JT/T 808 status DWORD (unsigned): bit 0 ACC, bit 1 fixed, bits 8–9 load. */
  statusBits: number;
  mileageKm: number | null;
  /** Sent late in 0x0704 type 1 (blind-area back-fill). */
  blindArea: boolean;
}

/** What the engine knows of a vehicle beyond its positions. */
export interface RuleVehicle {
  vehicleId: string;
  organisationId: string;
  vehicleClass: string;
  /** The active trip (电子运单), if any: its approved route and whether it carries dangerous goods now. */
  trip: { id: string; routeId: string | null; loaded: boolean } | null;
}

export type ZoneKind = 'restricted' | 'road' | 'speed_limit' | 'parking' | 'sensitive';
export type RoadClass = 'expressway' | 'urban' | 'park';

/** GeoJSON geometries the engine accepts (coordinates [lon, lat], WGS-84). */
export type ZoneGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }
  | { type: 'LineString'; coordinates: number[][] };

/** A zone as stored (zones table); a LineString zone is a corridor of `bufferM` metres each side. */
export interface RuleZone {
  id: string;
  name: string;
  kind: ZoneKind;
  category: string | null;
  geometry: ZoneGeometry;
  bufferM: number | null;
  roadClass: RoadClass | null;
  speedLimitKmh: number | null;
  /** Night ban window, 'HH:MM' Asia/Shanghai; may wrap midnight (22:00–06:00). */
  nightFrom: string | null;
  nightTo: string | null;
  maxParkingMinutes: number | null;
}

/** An approved route (approved_routes table): a corridor of `bufferM` metres each side of the line. */
export interface RuleRoute {
  id: string;
  name: string;
  geometry: { type: 'LineString'; coordinates: number[][] };
  bufferM: number;
}

/** Alarm types the rules raise (one list, in the contracts). Device-reported alarms are type 'device' with the
 * standard bit's name as subtype. */
export { alarmTypes } from '@anlan/contracts';
export type AlarmType = AlarmTypeName;

export type AlarmSeverity = 'info' | 'warning' | 'serious' | 'critical';

/**
 * One change to an alarm episode. `open` starts an episode, `update` refreshes it (new max speed, longer
 * duration …), `close` ends it (the vehicle slowed down, left the zone, came back online). The pair
 * (vehicleId, type, episodeKey) names the episode: the store makes it one row, so a repeated `open` is an update.
 */
export interface AlarmSignal {
  kind: 'open' | 'update' | 'close';
  vehicleId: string;
  organisationId: string;
  type: AlarmType;
  /** Device alarm bit name (e.g. 'emergency', 'rollover') for type 'device'; a zone category otherwise, or null. */
  subtype: string | null;
  severity: AlarmSeverity;
  /** Stable for the episode, e.g. the start time in ms plus the zone id. */
  episodeKey: string;
  /** Device time the episode started / last evidence / ended, epoch ms. */
  startedAt: number;
  lastAt: number;
  endedAt: number | null;
  /** Where it happened (the position that opened or last updated it). */
  lat: number;
  lon: number;
  zoneId: string | null;
  routeId: string | null;
  tripId: string | null;
  /** Rule-specific figures for the monitor and the report: maxSpeedKmh, limitKmh, distanceM, durationS … */
  details: Record<string, string | number | boolean | null>;
}
