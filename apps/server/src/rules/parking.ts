import type { RulesConfig } from './config.js';
import type { RuleContext } from './context.js';
import { closeEpisode, NO_SIGNALS, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import type { Fix } from './fix.js';
import { distanceM } from './geometry/projection.js';
import type { AlarmSignal, RuleVehicle, RuleZone } from './types.js';

/** A stop under way: where it began and the limit that applies there (worked out once, at the start). */
interface Stop {
  since: number;
  lat: number;
  lon: number;
  /** Minutes allowed here, or null inside an approved parking area. */
  limitMin: number | null;
  /** The zone that sets the limit (a school nearby, a zone with its own maxParkingMinutes). */
  zone: RuleZone | null;
  near: boolean;
}

export interface ParkingState {
  stop: Stop | null;
  episode: Episode | null;
}

export const initialParking: ParkingState = { stop: null, episode: null };

/**
 * How long a vehicle may stand at a fix: unlimited inside a 'parking' zone; else parking.maxMin, lowered by any zone
 * under it with maxParkingMinutes, and within parking.nearDistanceM of a 'sensitive' or 'restricted' zone by that
 * zone's maxParkingMinutes or else parking.nearMaxMin.
 */
export function parkingLimitAt(fix: Fix, ctx: RuleContext): Pick<Stop, 'limitMin' | 'zone' | 'near'> {
  const p = ctx.params.parking;
  if (ctx.here.some((m) => m.zone.kind === 'parking')) return { limitMin: null, zone: null, near: false };
  let limitMin = p.maxMin;
  let zone: RuleZone | null = null;
  let near = false;
  for (const m of ctx.here) {
    const own = m.zone.maxParkingMinutes;
    if (own !== null && own < limitMin) {
      limitMin = own;
      zone = m.zone;
    }
  }
  const sensitive = (z: RuleZone) => z.kind === 'sensitive' || z.kind === 'restricted';
  for (const m of ctx.zones.near(fix.lat, fix.lon, p.nearDistanceM, sensitive)) {
    const l = m.zone.maxParkingMinutes ?? p.nearMaxMin;
    if (l < limitMin || (!near && l === limitMin)) {
      limitMin = l;
      zone = m.zone;
      near = true;
    }
  }
  return { limitMin, zone, near };
}

/** The stop at time `atT`: opens the episode once the limit is passed, refreshes it after. */
function judge(s: ParkingState, atT: number, v: RuleVehicle, params: RulesConfig): Step<ParkingState> {
  const stop = s.stop;
  if (!stop || stop.limitMin === null) return { state: s, signals: NO_SIGNALS };
  const durationMin = Math.floor((atT - stop.since) / 60_000);
  if (!s.episode) {
    if (atT - stop.since <= stop.limitMin * 60_000) return { state: s, signals: NO_SIGNALS };
    const o = openEpisode(v, {
      type: 'parking',
      severity: stop.near ? params.severity.parkingNearSensitive : params.severity.parking,
      startedAt: stop.since,
      lastAt: atT,
      lat: stop.lat,
      lon: stop.lon,
      subtype: stop.zone?.category ?? null,
      zoneId: stop.zone?.id ?? null,
      details: { limitMin: stop.limitMin, durationMin, nearZone: stop.near ? (stop.zone?.name ?? null) : null },
    });
    return { state: { ...s, episode: o.episode }, signals: [o.signal] };
  }
  const u = updateEpisode(v, s.episode, { lastAt: atT, details: { durationMin } }, params.signals.updateIntervalS);
  return { state: { ...s, episode: u.episode }, signals: u.signal ? [u.signal] : NO_SIGNALS };
}

/**
 * Parking: standing (below parking.stopSpeedKmh, within stopRadiusM of where the stop began) longer than the limit
 * of the place → one episode per stop, started when the stop began, ended by the first fix that moves.
 */
export function parkingRule(state: ParkingState, fix: Fix, ctx: RuleContext): Step<ParkingState> {
  const p = ctx.params.parking;
  const signals: AlarmSignal[] = [];
  let s = state;
  if (s.stop && (!fix.stopped || distanceM(s.stop.lat, s.stop.lon, fix.lat, fix.lon) > p.stopRadiusM)) {
    if (s.episode) {
      const durationMin = Math.floor((fix.t - s.stop.since) / 60_000);
      signals.push(closeEpisode(ctx.vehicle, s.episode, fix.t, { lastAt: fix.t, details: { durationMin } }));
    }
    s = initialParking;
  }
  if (fix.stopped && !s.stop)
    s = { stop: { since: fix.t, lat: fix.lat, lon: fix.lon, ...parkingLimitAt(fix, ctx) }, episode: null };
  const judged = judge(s, fix.t, ctx.vehicle, ctx.params);
  return { state: judged.state, signals: signals.length ? [...signals, ...judged.signals] : judged.signals };
}

/** A stop that goes on without new fixes (a terminal reporting rarely with the ignition off), judged at `atT`. */
export function parkingTick(state: ParkingState, atT: number, v: RuleVehicle, params: RulesConfig): Step<ParkingState> {
  return judge(state, atT, v, params);
}
