import { roadAt, type RuleContext } from './context.js';
import { dailyDrivingRule, dailyRollover } from './daily-driving.js';
import { deviceAlarmsRule } from './device-alarms.js';
import { driftRule } from './drift.js';
import { applyChain, backfillGaps, pruneGaps, type Sample } from './driving-intervals.js';
import { LEDGER_MINUTES } from './driving-ledger.js';
import { fatigueRule } from './fatigue.js';
import { toFix, type Fix } from './fix.js';
import type { RouteIndex } from './geometry/route-index.js';
import type { ZoneIndex, ZoneMatch } from './geometry/zone-index.js';
import { nightDrivingRule, nightExpire } from './night-driving.js';
import { overspeedExpire, overspeedRule } from './overspeed.js';
import { parkingRule, parkingTick } from './parking.js';
import { presenceTick } from './presence.js';
import { restrictedZoneRule } from './restricted-zone.js';
import { routeDeviationRule } from './route-deviation.js';
import type { AlarmSignal, RulePosition } from './types.js';
import type { VehicleState } from './vehicle-state.js';

/*
 * One vehicle's turn: a position through every rule in device-time order, back-fill through the driving-time
 * accounting, and the time-driven rules at a tick. The engine owns the states; these functions advance them.
 */

export interface Geometry {
  zones: ZoneIndex;
  routes: RouteIndex;
}

/** What evaluation counts for the engine's stats. */
export interface EvaluationCounters {
  evaluated: number;
  noFix: number;
  drift: number;
  backfilled: number;
}

const push = (out: AlarmSignal[], signals: readonly AlarmSignal[]) => {
  for (const s of signals) out.push(s);
};

export function contextFor(vs: VehicleState, geo: Geometry, here: readonly ZoneMatch[]): RuleContext {
  return {
    vehicle: vs.vehicle,
    params: vs.params,
    zones: geo.zones,
    routes: geo.routes,
    here,
    road: roadAt(here, vs.params),
  };
}

/** A position due for evaluation (the next in device-time order). */
export function evaluate(
  vs: VehicleState,
  p: RulePosition,
  geo: Geometry,
  n: EvaluationCounters,
  out: AlarmSignal[],
): void {
  n.evaluated++;
  vs.evaluatedT = p.t;
  vs.evaluatedReceivedAt = p.receivedAt;
  const params = vs.params;
  const fix = toFix(p, params.motion.movingKmh, params.parking.stopSpeedKmh);
  const lastKnown = vs.lastSample ?? { lat: 0, lon: 0 };
  if (!fix.valid) {
    n.noFix++;
    device(vs, fix, lastKnown, out);
    return;
  }
  const drift = driftRule(vs.drift, fix, vs.vehicle, params);
  vs.drift = drift.state;
  push(out, drift.signals);
  if (!drift.accepted) {
    n.drift++;
    device(vs, fix, lastKnown, out);
    return;
  }
  account(vs, fix);
  const ctx = contextFor(vs, geo, geo.zones.matchAt(fix.lat, fix.lon));
  const overspeed = overspeedRule(vs.overspeed, fix, ctx);
  vs.overspeed = overspeed.state;
  push(out, overspeed.signals);
  const night = nightDrivingRule(vs.night, fix, ctx);
  vs.night = night.state;
  push(out, night.signals);
  const restricted = restrictedZoneRule(vs.restricted, fix, ctx);
  vs.restricted = restricted.state;
  push(out, restricted.signals);
  const route = routeDeviationRule(vs.route, fix, ctx);
  vs.route = route.state;
  push(out, route.signals);
  const parking = parkingRule(vs.parking, fix, ctx);
  vs.parking = parking.state;
  push(out, parking.signals);
  device(vs, fix, fix, out);
  drivingTime(vs, ctx, out);
}

function device(vs: VehicleState, fix: Fix, where: { lat: number; lon: number }, out: AlarmSignal[]): void {
  const report = { t: fix.t, alarmBits: fix.alarmBits, lat: where.lat, lon: where.lon };
  const step = deviceAlarmsRule(vs.device, report, vs.vehicle, vs.params);
  vs.device = step.state;
  push(out, step.signals);
}

/** Adds the interval since the last believed fix to the driving ledger, remembering it when it is a gap. */
function account(vs: VehicleState, fix: Fix): void {
  const sample: Sample = { t: fix.t, lat: fix.lat, lon: fix.lon, moving: fix.moving };
  const prev = vs.lastSample;
  vs.lastSample = sample;
  if (!prev) return;
  const f = vs.params.fatigue;
  applyChain(vs.ledger, [prev, sample], f, 1);
  if (sample.t - prev.t > f.sampleGapS * 1000) {
    vs.gaps.push({ a: prev, b: sample, samples: [], fatigue: f });
    pruneGaps(vs.gaps, (vs.ledger.newestMinute ?? 0) - LEDGER_MINUTES * 60_000);
  }
}

/** The fatigue and daily-driving rules against the ledger, at the vehicle's newest believed fix. */
function drivingTime(vs: VehicleState, ctx: RuleContext, out: AlarmSignal[]): void {
  const at = vs.lastSample;
  if (!at) return;
  const sum = vs.ledger.summary();
  const fatigue = fatigueRule(vs.fatigue, sum, at, ctx);
  vs.fatigue = fatigue.state;
  push(out, fatigue.signals);
  const daily = dailyDrivingRule(vs.daily, sum, at, ctx);
  vs.daily = daily.state;
  push(out, daily.signals);
}

/** Late fixes explain gaps in the driving ledger; the driving-time rules then look again. */
export function backfill(
  vs: VehicleState,
  late: Sample[],
  geo: Geometry,
  n: EvaluationCounters,
  out: AlarmSignal[],
): void {
  const r = backfillGaps(vs.gaps, late, vs.ledger, vs.params);
  n.backfilled += r.used;
  n.drift += r.drift;
  const at = vs.lastSample;
  if (r.used > 0 && at) drivingTime(vs, contextFor(vs, geo, geo.zones.matchAt(at.lat, at.lon)), out);
}

/**
 * The time-driven rules at platform time `now`: offline and silent, a stop that goes on without new fixes, motion
 * episodes without evidence, the daily clock's midnight. Platform time since the newest evaluated position is
 * carried onto its device time.
 */
export function timeRules(vs: VehicleState, now: number, geo: Geometry, out: AlarmSignal[]): void {
  const presence = presenceTick(vs.presence, now, vs.lastSample ?? { lat: 0, lon: 0 }, vs.vehicle, vs.params);
  vs.presence = presence.state;
  push(out, presence.signals);
  if (vs.evaluatedT === -Infinity) return;
  const ctx = contextFor(vs, geo, []);
  const deviceNow = vs.evaluatedT + Math.max(0, now - vs.evaluatedReceivedAt);
  if (vs.parking.stop) {
    // A stop lasts as long as the terminal is there to say so: connected, or not yet overdue.
    const p = vs.presence;
    const heard = Math.max(p.lastReceivedAt ?? -Infinity, p.changedAt ?? -Infinity);
    const until = p.online === true ? now : Math.min(now, heard + vs.params.presence.offlineAfterMin * 60_000);
    const parking = parkingTick(
      vs.parking,
      vs.evaluatedT + Math.max(0, until - vs.evaluatedReceivedAt),
      vs.vehicle,
      vs.params,
    );
    vs.parking = parking.state;
    push(out, parking.signals);
  }
  const overspeed = overspeedExpire(vs.overspeed, deviceNow, ctx);
  vs.overspeed = overspeed.state;
  push(out, overspeed.signals);
  const night = nightExpire(vs.night, deviceNow, ctx);
  vs.night = night.state;
  push(out, night.signals);
  const daily = dailyRollover(vs.daily, deviceNow, ctx);
  vs.daily = daily.state;
  push(out, daily.signals);
}
