/*
 * The rules engine: positions in, alarm signals out. Pure and synchronous — no clock, no timers, no I/O; the caller
 * passes platform time to presence() and tick(), so a scenario replays exactly.
 *
 * Device-time order, late data and back-fill
 * - Rules see each vehicle's positions in device-time order. By default (ordering.reorderWindowS = 0) a position is
 *   evaluated on arrival, so an alarm reaches the monitor within the pipeline's latency (issue 5: p99 < 200 ms). A
 *   terminal sends over one connection in order, and a vehicle's consecutive reports are seconds apart, so two of
 *   them are practically never committed out of order; one that is anyway is late (below). Where terminals do
 *   interleave (a 0x0704 mixed into live reports within seconds), a window can be set: a position then waits until
 *   one at least reorderWindowS newer (device time) has arrived, or until it has waited that long since its arrival
 *   (platform time, checked by tick()), and reordering inside the window is invisible to the rules, at the cost of
 *   that much latency.
 * - A position older than the newest evaluated one is late (typically blind-area back-fill, 0x0704 type 1, hours
 *   old). Late positions never reach an edge-triggered rule: no zone entry or exit, overspeed, night driving, route
 *   deviation, parking, drift or device alarm is opened from them, so they can raise no false alarm and restart no
 *   episode. They are used for what they can safely tell: driving-time accounting. Each gap between two evaluated
 *   fixes is remembered (driving-intervals.ts); back-fill falling inside it replaces the guess made for the gap with
 *   the real intervals, the fatigue and daily clocks are worked out again from the minute ledger
 *   (driving-ledger.ts), and the fatigue rules look again at the vehicle's newest fix. A known limit: a violation
 *   that begins and ends entirely inside a blind area (say a detour through a restricted zone) is not raised live; it
 *   remains visible in the stored track.
 * - A position at the same device time as one already seen is a duplicate and ignored. A position without a GNSS fix
 *   (status bit 1 clear, or 0,0) serves device alarms and presence only. A device time more than
 *   ordering.maxFutureS ahead of arrival is a wrong clock: ignored (but the terminal still counts as heard).
 * - A fix that jumps impossibly far is drift (drift.ts): reported, and kept from every other rule.
 *
 * Each rule is its own file, a pure function (state, fix, context) → (state, signals); the engine keeps the states
 * and works out once per fix what they share (zones under the fix, the road, the vehicle's class thresholds). The
 * one mutable structure is the per-vehicle driving ledger (3 kB of minute buckets: copying it per fix would cost more
 * than every rule together); the fatigue rules read a summary of it. Choices are documented where they are made:
 * gaps in the data and rests (driving-intervals.ts), on duty for offline (presence.ts), the calendar day of the daily
 * limit (daily-driving.ts), "loaded" without a trip (restricted-zone.ts), the road under a fix (context.ts).
 */
import type { RulesConfig } from './config.js';
import type { Sample } from './driving-intervals.js';
import { backfill, evaluate, timeRules, type Geometry } from './evaluation.js';
import { hasGnssFix } from './fix.js';
import { RouteIndex } from './geometry/route-index.js';
import { ZoneIndex } from './geometry/zone-index.js';
import { ParamsCache } from './params.js';
import { presenceChange, presenceHeard } from './presence.js';
import type { AlarmSignal, RulePosition, RuleRoute, RuleVehicle, RuleZone } from './types.js';
import { insertPending, newVehicleState, type VehicleState } from './vehicle-state.js';

/** Counters since the engine was made (positions count every position passed to ingest). */
export interface RulesStats {
  vehicles: number;
  zones: number;
  routes: number;
  /** Zones and routes left out for unusable geometry (ids). */
  zonesSkipped: string[];
  routesSkipped: string[];
  positions: number;
  /** Positions that went through the rules in device-time order. */
  evaluated: number;
  /** Waiting in reorder windows now. */
  pending: number;
  /** Older than the vehicle's newest evaluated position (back-fill, out of order). */
  late: number;
  /** Late fixes that explained a gap in driving-time accounting. */
  backfilled: number;
  duplicates: number;
  noFix: number;
  future: number;
  /** Fixes dropped as drift. */
  drift: number;
  /** Positions of vehicles the engine does not know (not set yet). */
  unknownVehicle: number;
}

type Counter = Exclude<
  keyof RulesStats,
  'vehicles' | 'zones' | 'routes' | 'zonesSkipped' | 'routesSkipped' | 'pending'
>;

const FIELDS: Counter[] = [
  'positions',
  'evaluated',
  'late',
  'backfilled',
  'duplicates',
  'noFix',
  'future',
  'drift',
  'unknownVehicle',
];

export class RulesEngine {
  private params: ParamsCache;
  private geo: Geometry = { zones: new ZoneIndex([]), routes: new RouteIndex([]) };
  private readonly vehicles = new Map<string, VehicleState>();
  private readonly counters = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Counter, number>;

  constructor(config: RulesConfig) {
    this.params = new ParamsCache(config);
  }

  /** New thresholds; episodes in progress carry on under them. */
  setConfig(config: RulesConfig): void {
    this.params = new ParamsCache(config);
    for (const vs of this.vehicles.values()) {
      vs.params = this.params.get(vs.vehicle.vehicleClass);
      vs.ledger.setMinRest(vs.params.fatigue.minRestMin * 60);
    }
  }

  /** Replaces every zone and route (rebuilds the index: milliseconds for thousands of zones). */
  setGeometry(zones: RuleZone[], routes: RuleRoute[]): void {
    this.geo = { zones: new ZoneIndex(zones), routes: new RouteIndex(routes) };
  }

  /** Adds a vehicle or updates it (trip started or finished, class changed); its state carries on. */
  setVehicle(v: RuleVehicle): void {
    const params = this.params.get(v.vehicleClass);
    const vs = this.vehicles.get(v.vehicleId);
    if (!vs) this.vehicles.set(v.vehicleId, newVehicleState(v, params));
    else {
      vs.vehicle = v;
      vs.params = params;
    }
  }

  /** Forgets a vehicle and its open episodes (the store keeps what was sent). */
  removeVehicle(vehicleId: string): void {
    this.vehicles.delete(vehicleId);
  }

  /** Positions of one vehicle, in any order. A vehicle not set yet is ignored. */
  ingest(vehicleId: string, positions: RulePosition[]): AlarmSignal[] {
    const vs = this.vehicles.get(vehicleId);
    if (!vs) {
      this.counters.unknownVehicle += positions.length;
      return [];
    }
    const out: AlarmSignal[] = [];
    const sorted = positions.length > 1 ? [...positions].sort((a, b) => a.t - b.t) : positions;
    const maxFutureMs = vs.params.ordering.maxFutureS * 1000;
    const late: Sample[] = [];
    let heardAt = -Infinity;
    let newest: RulePosition | null = null;
    for (const p of sorted) {
      this.counters.positions++;
      if (p.receivedAt > heardAt) heardAt = p.receivedAt;
      if (!Number.isFinite(p.t) || p.t - p.receivedAt > maxFutureMs) this.counters.future++;
      else if (p.t === vs.evaluatedT) this.counters.duplicates++;
      else if (p.t < vs.evaluatedT) {
        this.counters.late++;
        if (hasGnssFix(p))
          late.push({ t: p.t, lat: p.lat, lon: p.lon, moving: p.speedKmh >= vs.params.motion.movingKmh });
      } else if (!insertPending(vs.pending, p)) this.counters.duplicates++;
      else if (p.t > vs.newestT) {
        vs.newestT = p.t;
        newest = p;
      }
    }
    if (sorted.length === 0) return out;
    const inService =
      newest !== null && ((newest.statusBits & 1) === 1 || newest.speedKmh >= vs.params.motion.movingKmh);
    const heard = presenceHeard(vs.presence, { receivedAt: heardAt, newest: newest !== null, inService }, vs.vehicle);
    vs.presence = heard.state;
    out.push(...heard.signals);
    if (late.length > 0) backfill(vs, late, this.geo, this.counters, out);
    this.release(vs, heardAt, out);
    return out;
  }

  /** The gateway reports the terminal connected (true) or disconnected (false), at platform time nowMs. */
  presence(vehicleId: string, online: boolean, nowMs: number): AlarmSignal[] {
    const vs = this.vehicles.get(vehicleId);
    if (!vs) return [];
    const step = presenceChange(vs.presence, online, nowMs, vs.vehicle);
    vs.presence = step.state;
    return step.signals.length ? [...step.signals] : [];
  }

  /**
   * Time-driven rules at platform time nowMs: positions that have waited out the reorder window, offline and silent,
   * a stop that goes on without new fixes, motion episodes without evidence, the daily clock's midnight.
   */
  tick(nowMs: number): AlarmSignal[] {
    const out: AlarmSignal[] = [];
    for (const vs of this.vehicles.values()) {
      this.release(vs, nowMs, out);
      timeRules(vs, nowMs, this.geo, out);
    }
    return out;
  }

  stats(): RulesStats {
    let pending = 0;
    for (const vs of this.vehicles.values()) pending += vs.pending.length;
    return {
      vehicles: this.vehicles.size,
      zones: this.geo.zones.zones.length,
      routes: this.geo.routes.size,
      zonesSkipped: [...this.geo.zones.skipped],
      routesSkipped: [...this.geo.routes.skipped],
      pending,
      ...this.counters,
    };
  }

  /** Evaluates, in order, every waiting position that is due at platform time `now`. */
  private release(vs: VehicleState, now: number, out: AlarmSignal[]): void {
    const windowMs = vs.params.ordering.reorderWindowS * 1000;
    let due = 0;
    while (due < vs.pending.length) {
      const p = vs.pending[due]!;
      if (p.t > vs.newestT - windowMs && now - p.receivedAt < windowMs) break;
      due++;
    }
    if (due === 0) return;
    const batch = vs.pending.splice(0, due);
    for (const p of batch) evaluate(vs, p, this.geo, this.counters, out);
  }
}
