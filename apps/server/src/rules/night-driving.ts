import type { RuleContext } from './context.js';
import { closeEpisode, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import type { Fix } from './fix.js';
import { inWallWindow } from './time.js';
import type { AlarmSignal, RuleZone } from './types.js';

export interface NightState {
  /** First fix of the current run of night driving (before and during an episode). */
  since: number | null;
  lastT: number | null;
  /** First fix that no longer showed night driving, while an episode is open. */
  outSince: number | null;
  episode: Episode | null;
}

export const initialNight: NightState = { since: null, lastT: null, outSince: null, episode: null };

/** The night ban covering a fix: a zone's own window first, else the configured window of the road class. */
export interface NightWindowHere {
  zone: RuleZone | null;
  from: string;
  to: string;
}

export function nightWindowAt(t: number, ctx: RuleContext): NightWindowHere | null {
  for (const m of ctx.here) {
    const z = m.zone;
    if (z.nightFrom !== null && z.nightTo !== null && inWallWindow(t, z.nightFrom, z.nightTo))
      return { zone: z, from: z.nightFrom, to: z.nightTo };
  }
  const w = ctx.params.night.windows[ctx.road.roadClass];
  return w && inWallWindow(t, w.from, w.to) ? { zone: ctx.road.zone, from: w.from, to: w.to } : null;
}

/**
 * Night driving: moving where a night window (Asia/Shanghai wall clock, may wrap midnight) covers the device time,
 * for at least minDurationS, opens one episode; it ends once the vehicle has been stopped or out of any window for
 * closeAfterS (a red light is not the end), or at its last evidence after a gap in reports.
 */
export function nightDrivingRule(state: NightState, fix: Fix, ctx: RuleContext): Step<NightState> {
  const n = ctx.params.night;
  const v = ctx.vehicle;
  const signals: AlarmSignal[] = [];
  let s = state;
  if (s.lastT !== null && fix.t - s.lastT > ctx.params.signals.maxEvidenceGapS * 1000) {
    if (s.episode) signals.push(closeEpisode(v, s.episode, s.episode.lastAt));
    s = initialNight;
  }
  const hit = fix.moving ? nightWindowAt(fix.t, ctx) : null;
  if (!s.episode) {
    if (!hit) return { state: initialNight, signals };
    const since = s.since ?? fix.t;
    if (fix.t - since < n.minDurationS * 1000) return { state: { ...s, since, lastT: fix.t }, signals };
    const o = openEpisode(v, {
      type: 'night_driving',
      severity: ctx.params.severity.nightDriving,
      startedAt: since,
      lastAt: fix.t,
      lat: fix.lat,
      lon: fix.lon,
      subtype: hit.zone?.category ?? null,
      zoneId: hit.zone?.id ?? null,
      details: {
        window: `${hit.from}–${hit.to}`,
        roadClass: ctx.road.roadClass,
        durationS: Math.round((fix.t - since) / 1000),
      },
    });
    signals.push(o.signal);
    return { state: { since, lastT: fix.t, outSince: null, episode: o.episode }, signals };
  }
  const durationS = Math.round((fix.t - s.episode.startedAt) / 1000);
  if (hit) {
    const u = updateEpisode(
      v,
      s.episode,
      { lastAt: fix.t, lat: fix.lat, lon: fix.lon, details: { durationS } },
      ctx.params.signals.updateIntervalS,
    );
    if (u.signal) signals.push(u.signal);
    return { state: { ...s, lastT: fix.t, outSince: null, episode: u.episode }, signals };
  }
  const outSince = s.outSince ?? fix.t;
  if (fix.t - outSince >= n.closeAfterS * 1000) {
    const endDuration = Math.round((outSince - s.episode.startedAt) / 1000);
    signals.push(closeEpisode(v, s.episode, outSince, { details: { durationS: endDuration } }));
    return { state: initialNight, signals };
  }
  return { state: { ...s, lastT: fix.t, outSince }, signals };
}

/** Time-driven: no report for signals.maxEvidenceGapS ends the episode at its last evidence. */
export function nightExpire(state: NightState, deviceNow: number, ctx: RuleContext): Step<NightState> {
  if (state.lastT === null || deviceNow - state.lastT <= ctx.params.signals.maxEvidenceGapS * 1000)
    return { state, signals: [] };
  const signals = state.episode ? [closeEpisode(ctx.vehicle, state.episode, state.episode.lastAt)] : [];
  return { state: initialNight, signals };
}
