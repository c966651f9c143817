import type { RulesConfig } from './config.js';
import { closeEpisode, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import type { Fix } from './fix.js';
import { distanceM } from './geometry/projection.js';
import type { AlarmSignal, RuleVehicle } from './types.js';

export interface DriftState {
  /** The last fix believed: the reference for the next one. */
  anchor: Fix | null;
  /** The last rejected fix, and how many rejected fixes in a row agree with each other. */
  candidate: Fix | null;
  run: number;
  episode: Episode | null;
}

export const initialDrift: DriftState = { anchor: null, candidate: null, run: 0, episode: null };

/** Implied speed too high for a lorry, or a long jump between two fixes that both say the vehicle stood still. */
export function isDrift(a: Fix, b: Fix, p: RulesConfig['drift']): { drift: boolean; jumpM: number; kmh: number } {
  const jumpM = distanceM(a.lat, a.lon, b.lat, b.lon);
  const dt = Math.max(Math.abs(b.t - a.t), 1);
  const kmh = (jumpM / dt) * 3600;
  const drift =
    (jumpM >= p.minDistanceM && kmh > p.maxSpeedKmh) ||
    (a.stopped && b.stopped && jumpM > p.jumpM && dt <= p.jumpWithinS * 1000);
  return { drift, jumpM, kmh };
}

/**
 * Drift (漂移): a fix that jumps impossibly far from the last believed one is reported ('drift', info, one episode per
 * run of drifted fixes) and kept away from every other rule. If drift.reanchorAfter rejected fixes in a row agree with
 * each other, the vehicle really is there (the anchor was the bad one, or it was carried): they are believed again.
 */
export function driftRule(
  state: DriftState,
  fix: Fix,
  v: RuleVehicle,
  params: RulesConfig,
): Step<DriftState> & { accepted: boolean } {
  const p = params.drift;
  if (!state.anchor) return { state: { ...initialDrift, anchor: fix }, signals: [], accepted: true };
  const vsAnchor = isDrift(state.anchor, fix, p);
  const signals: AlarmSignal[] = [];
  if (!vsAnchor.drift) {
    if (state.episode) signals.push(closeEpisode(v, state.episode, fix.t));
    return { state: { ...initialDrift, anchor: fix }, signals, accepted: true };
  }
  const run = state.candidate && !isDrift(state.candidate, fix, p).drift ? state.run + 1 : 1;
  if (run >= p.reanchorAfter) {
    if (state.episode) signals.push(closeEpisode(v, state.episode, fix.t, { details: { reanchored: true } }));
    return { state: { ...initialDrift, anchor: fix }, signals, accepted: true };
  }
  const figures = { jumpM: Math.round(vsAnchor.jumpM), impliedSpeedKmh: Math.round(vsAnchor.kmh) };
  let episode: Episode;
  if (!state.episode) {
    const o = openEpisode(v, {
      type: 'drift',
      severity: 'info',
      startedAt: fix.t,
      lat: fix.lat,
      lon: fix.lon,
      details: { ...figures, fixes: 1 },
    });
    episode = o.episode;
    signals.push(o.signal);
  } else {
    const fixes = Number(state.episode.details.fixes ?? 0) + 1;
    const u = updateEpisode(
      v,
      state.episode,
      { lastAt: fix.t, details: { ...figures, fixes } },
      params.signals.updateIntervalS,
    );
    episode = u.episode;
    if (u.signal) signals.push(u.signal);
  }
  return { state: { anchor: state.anchor, candidate: fix, run, episode }, signals, accepted: false };
}
