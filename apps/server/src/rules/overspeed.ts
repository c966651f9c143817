import type { RuleContext } from './context.js';
import { closeEpisode, openEpisode, updateEpisode, type Details, type Episode, type Step } from './episode.js';
import type { Fix } from './fix.js';
import { distanceM } from './geometry/projection.js';
import type { AlarmSeverity, AlarmSignal, RoadClass, RuleZone } from './types.js';

/** The limit in force at a fix and where it comes from. */
export interface SpeedLimitHere {
  limitKmh: number;
  roadClass: RoadClass;
  /** The zone that sets the limit (road or speed-limit zone), or null for the default class. */
  zone: RuleZone | null;
}

/** Over limit + tolerance: measured from the first such fix, kept for the whole episode. */
interface Run {
  since: number;
  lastT: number;
  lastLat: number;
  lastLon: number;
  maxSpeedKmh: number;
  /** Worst excess in percent of the limit in force, and that limit. */
  maxOverPct: number;
  limitAtWorst: number;
  roadClass: RoadClass;
  distanceM: number;
}

export interface OverspeedState {
  run: Run | null;
  episode: Episode | null;
}

export const initialOverspeed: OverspeedState = { run: null, episode: null };

/**
 * limit = min(the road class's hazmat limit, the posted limit of the road the vehicle is on, every speed-limit zone
 * under it). Only the chosen road's own posted limit counts: a lower road crossing under an expressway must not
 * lower the expressway's limit.
 */
export function speedLimitAt(ctx: RuleContext): SpeedLimitHere {
  const road = ctx.road;
  let limitKmh = ctx.params.speed.limitsKmh[road.roadClass];
  let zone = road.zone;
  for (const m of ctx.here) {
    const z = m.zone;
    if (z.speedLimitKmh === null || (z.kind === 'road' && z !== road.zone)) continue;
    if (z.speedLimitKmh < limitKmh) {
      limitKmh = z.speedLimitKmh;
      zone = z;
    }
  }
  return { limitKmh, roadClass: road.roadClass, zone };
}

function severityOf(overPct: number, ctx: RuleContext): AlarmSeverity {
  const s = ctx.params.speed;
  return overPct >= s.criticalOverPct ? 'critical' : overPct >= s.seriousOverPct ? 'serious' : 'warning';
}

function extend(run: Run | null, fix: Fix, here: SpeedLimitHere): Run {
  const overPct = ((fix.speedKmh - here.limitKmh) / here.limitKmh) * 100;
  if (!run)
    return {
      since: fix.t,
      lastT: fix.t,
      lastLat: fix.lat,
      lastLon: fix.lon,
      maxSpeedKmh: fix.speedKmh,
      maxOverPct: overPct,
      limitAtWorst: here.limitKmh,
      roadClass: here.roadClass,
      distanceM: 0,
    };
  const worst = overPct > run.maxOverPct;
  return {
    ...run,
    lastT: fix.t,
    lastLat: fix.lat,
    lastLon: fix.lon,
    maxSpeedKmh: Math.max(run.maxSpeedKmh, fix.speedKmh),
    maxOverPct: worst ? overPct : run.maxOverPct,
    limitAtWorst: worst ? here.limitKmh : run.limitAtWorst,
    roadClass: worst ? here.roadClass : run.roadClass,
    distanceM: run.distanceM + distanceM(run.lastLat, run.lastLon, fix.lat, fix.lon),
  };
}

function details(run: Run, t: number): Details {
  return {
    maxSpeedKmh: Math.round(run.maxSpeedKmh * 10) / 10,
    limitKmh: run.limitAtWorst,
    overPct: Math.round(run.maxOverPct),
    distanceM: Math.round(run.distanceM),
    durationS: Math.round((t - run.since) / 1000),
    roadClass: run.roadClass,
  };
}

/**
 * Overspeed: above limit + tolerance for at least minDurationS opens one episode (started when the speeding started);
 * it lasts until the speed falls below limit − hysteresis, so a speed wobbling around the limit stays one episode.
 * A gap in reports longer than signals.maxEvidenceGapS ends it at its last evidence.
 */
export function overspeedRule(state: OverspeedState, fix: Fix, ctx: RuleContext): Step<OverspeedState> {
  const p = ctx.params.speed;
  const v = ctx.vehicle;
  const gapMs = ctx.params.signals.maxEvidenceGapS * 1000;
  const signals: AlarmSignal[] = [];
  let { run, episode } = state;
  if (run && fix.t - run.lastT > gapMs) {
    if (episode) signals.push(closeEpisode(v, episode, episode.lastAt));
    run = null;
    episode = null;
  }
  const here = speedLimitAt(ctx);
  if (!episode) {
    if (fix.speedKmh <= here.limitKmh + p.toleranceKmh) return { state: initialOverspeed, signals };
    run = extend(run, fix, here);
    if (fix.t - run.since < p.minDurationS * 1000) return { state: { run, episode: null }, signals };
    const opened = openEpisode(v, {
      type: 'overspeed',
      severity: severityOf(run.maxOverPct, ctx),
      startedAt: run.since,
      lastAt: fix.t,
      lat: fix.lat,
      lon: fix.lon,
      subtype: here.zone?.category ?? null,
      zoneId: here.zone?.id ?? null,
      details: details(run, fix.t),
    });
    signals.push(opened.signal);
    return { state: { run, episode: opened.episode }, signals };
  }
  run = extend(run, fix, here);
  if (fix.speedKmh < here.limitKmh - p.hysteresisKmh) {
    signals.push(closeEpisode(v, episode, fix.t, { lastAt: fix.t, details: details(run, fix.t) }));
    return { state: initialOverspeed, signals };
  }
  const u = updateEpisode(
    v,
    episode,
    {
      lastAt: fix.t,
      lat: fix.lat,
      lon: fix.lon,
      severity: severityOf(run.maxOverPct, ctx),
      details: details(run, fix.t),
    },
    ctx.params.signals.updateIntervalS,
  );
  if (u.signal) signals.push(u.signal);
  return { state: { run, episode: u.episode }, signals };
}

/** Time-driven: no report for signals.maxEvidenceGapS ends the episode at its last evidence. */
export function overspeedExpire(state: OverspeedState, deviceNow: number, ctx: RuleContext): Step<OverspeedState> {
  if (!state.run || deviceNow - state.run.lastT <= ctx.params.signals.maxEvidenceGapS * 1000)
    return { state, signals: [] };
  const signals = state.episode ? [closeEpisode(ctx.vehicle, state.episode, state.episode.lastAt)] : [];
  return { state: initialOverspeed, signals };
}
