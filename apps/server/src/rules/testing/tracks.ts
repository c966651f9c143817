import { defaultRulesConfig, rulesConfig, type RulesConfig } from '../config.js';
import { RulesEngine } from '../engine.js';
import { M_PER_DEG } from '../geometry/projection.js';
import type { AlarmSignal, AlarmType, RulePosition, RuleRoute, RuleVehicle, RuleZone } from '../types.js';

/*
 * Generated tracks for scenario tests (and the benchmark): a vehicle driving headings at speeds, stopping, losing the
 * signal; positions stamped in device time with a realistic arrival delay.
 */

/** 2026-06-01 10:00 Asia/Shanghai. */
export const T0 = Date.UTC(2026, 5, 1, 2, 0, 0);
/** Near the chemical park of the district. */
export const HOME = { lat: 30.62, lon: 121.06 };

/** Status bits: ACC on, GNSS fixed. */
export const STATUS_RUNNING = 0b11;
/** Status bits: ACC off, GNSS fixed. */
export const STATUS_PARKED = 0b10;

export function position(
  t: number,
  lat: number,
  lon: number,
  speedKmh: number,
  extra: Partial<RulePosition> = {},
): RulePosition {
  return {
    t,
    receivedAt: t + 1500,
    lat,
    lon,
    speedKmh,
    heading: 0,
    alarmBits: 0,
    statusBits: speedKmh > 0 ? STATUS_RUNNING : STATUS_PARKED,
    mileageKm: null,
    blindArea: false,
    ...extra,
  };
}

/** A point `metres` from (lat, lon) on `headingDeg` (0 north, 90 east). */
export function offset(lat: number, lon: number, metres: number, headingDeg: number): { lat: number; lon: number } {
  const h = (headingDeg * Math.PI) / 180;
  return {
    lat: lat + (metres * Math.cos(h)) / M_PER_DEG,
    lon: lon + (metres * Math.sin(h)) / (M_PER_DEG * Math.cos((lat * Math.PI) / 180)),
  };
}

/** Builds a track leg by leg. */
export class Track {
  readonly positions: RulePosition[] = [];
  t: number;
  lat: number;
  lon: number;

  constructor(start: { t?: number; lat?: number; lon?: number } = {}) {
    this.t = start.t ?? T0;
    this.lat = start.lat ?? HOME.lat;
    this.lon = start.lon ?? HOME.lon;
  }

  /** Drives for `seconds` at `speedKmh` on `headingDeg`, one report every `every` seconds (the first after `every`). */
  drive(seconds: number, speedKmh: number, headingDeg = 90, every = 30, extra: Partial<RulePosition> = {}): this {
    for (let s = every; s <= seconds + 1e-9; s += every) {
      const p = offset(this.lat, this.lon, (speedKmh / 3.6) * every, headingDeg);
      this.lat = p.lat;
      this.lon = p.lon;
      this.t += every * 1000;
      this.positions.push(position(this.t, this.lat, this.lon, speedKmh, extra));
    }
    return this;
  }

  /** Stands still for `seconds`, reporting every `every` seconds. */
  stop(seconds: number, every = 60, extra: Partial<RulePosition> = {}): this {
    for (let s = every; s <= seconds + 1e-9; s += every) {
      this.t += every * 1000;
      this.positions.push(position(this.t, this.lat, this.lon, 0, extra));
    }
    return this;
  }

  /** One report here and now. */
  report(speedKmh = 0, extra: Partial<RulePosition> = {}): this {
    this.positions.push(position(this.t, this.lat, this.lon, speedKmh, extra));
    return this;
  }

  /** Silence for `seconds` while the vehicle moves `metres` on `headingDeg` (nothing reported). */
  gap(seconds: number, metres = 0, headingDeg = 90): this {
    const p = offset(this.lat, this.lon, metres, headingDeg);
    this.lat = p.lat;
    this.lon = p.lon;
    this.t += seconds * 1000;
    return this;
  }

  /** Jumps to a place without reporting (to set up a scenario). */
  at(lat: number, lon: number): this {
    this.lat = lat;
    this.lon = lon;
    return this;
  }
}

export function vehicle(extra: Partial<RuleVehicle> = {}): RuleVehicle {
  return {
    vehicleId: 'v1',
    organisationId: 'org-carrier',
    vehicleClass: 'tanker',
    trip: { id: 'trip-1', routeId: null, loaded: true },
    ...extra,
  };
}

/** A square area `halfM` metres each side of (lat, lon). */
export function square(id: string, lat: number, lon: number, halfM: number, extra: Partial<RuleZone> = {}): RuleZone {
  const sw = offset(offset(lat, lon, halfM, 180).lat, lon, halfM, 270);
  const ne = offset(offset(lat, lon, halfM, 0).lat, lon, halfM, 90);
  return zone(
    id,
    {
      type: 'Polygon',
      coordinates: [
        [
          [sw.lon, sw.lat],
          [ne.lon, sw.lat],
          [ne.lon, ne.lat],
          [sw.lon, ne.lat],
          [sw.lon, sw.lat],
        ],
      ],
    },
    extra,
  );
}

export function zone(id: string, geometry: RuleZone['geometry'], extra: Partial<RuleZone> = {}): RuleZone {
  return {
    id,
    name: id,
    kind: 'restricted',
    category: null,
    geometry,
    bufferM: null,
    roadClass: null,
    speedLimitKmh: null,
    nightFrom: null,
    nightTo: null,
    maxParkingMinutes: null,
    ...extra,
  };
}

/** A straight road corridor from (lat, lon) `lengthM` on `headingDeg`. */
export function road(
  id: string,
  roadClass: RuleZone['roadClass'],
  from = HOME,
  lengthM = 200_000,
  headingDeg = 90,
  extra: Partial<RuleZone> = {},
): RuleZone {
  const to = offset(from.lat, from.lon, lengthM, headingDeg);
  const back = offset(from.lat, from.lon, 1000, headingDeg + 180);
  return zone(
    id,
    {
      type: 'LineString',
      coordinates: [
        [back.lon, back.lat],
        [to.lon, to.lat],
      ],
    },
    { kind: 'road', roadClass, bufferM: 30, ...extra },
  );
}

export function route(id: string, from = HOME, lengthM = 100_000, headingDeg = 90, bufferM = 200): RuleRoute {
  const to = offset(from.lat, from.lon, lengthM, headingDeg);
  return {
    id,
    name: id,
    geometry: {
      type: 'LineString',
      coordinates: [
        [from.lon, from.lat],
        [to.lon, to.lat],
      ],
    },
    bufferM,
  };
}

/** Config with overrides (deep enough for tests: one level per section). */
export function config(overrides: Record<string, object> = {}): RulesConfig {
  return rulesConfig.parse(overrides);
}

/** An engine with one vehicle and the given geometry. */
export function engineWith(
  o: { config?: RulesConfig; vehicle?: RuleVehicle; zones?: RuleZone[]; routes?: RuleRoute[] } = {},
): RulesEngine {
  const e = new RulesEngine(o.config ?? defaultRulesConfig);
  e.setGeometry(o.zones ?? [], o.routes ?? []);
  e.setVehicle(o.vehicle ?? vehicle());
  return e;
}

/** Feeds positions one at a time as they would arrive, then lets the reorder window run out. */
export function replay(e: RulesEngine, positions: readonly RulePosition[], vehicleId = 'v1'): AlarmSignal[] {
  const out: AlarmSignal[] = [];
  for (const p of positions) out.push(...e.ingest(vehicleId, [p]));
  const last = positions.reduce((m, p) => Math.max(m, p.receivedAt), 0);
  out.push(...e.tick(last + 60_000));
  return out;
}

export const opened = (signals: readonly AlarmSignal[], type: AlarmType) =>
  signals.filter((s) => s.type === type && s.kind === 'open');
export const closed = (signals: readonly AlarmSignal[], type: AlarmType) =>
  signals.filter((s) => s.type === type && s.kind === 'close');
