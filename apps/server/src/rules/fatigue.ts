import type { RuleContext } from './context.js';
import type { DrivingSummary } from './driving-ledger.js';
import { closeEpisode, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import type { AlarmSignal } from './types.js';

export interface FatigueState {
  warning: Episode | null;
  episode: Episode | null;
  /** Start of the stint already warned / alarmed: one of each per stint. */
  warnedStint: number | null;
  alarmedStint: number | null;
}

export const initialFatigue: FatigueState = { warning: null, episode: null, warnedStint: null, alarmedStint: null };

/** Where the vehicle is when the rule looks (the newest fix). */
export interface At {
  t: number;
  lat: number;
  lon: number;
}

const minutes = (s: number) => Math.round(s / 60);

/**
 * Fatigue (连续驾驶): more than continuousLimitMin of driving without a rest of minRestMin. One 'fatigue' per stint,
 * opened when the limit is crossed and closed when a qualifying rest has begun (endedAt = the start of that rest);
 * one 'fatigue_warning' (info) warningBeforeMin earlier, closed when the alarm opens or the stint ends. The clock is
 * the driving ledger's: a rest shorter than minRestMin does not reset it; back-fill that reveals a rest inside what
 * was counted as driving ends the episode where it stands.
 */
export function fatigueRule(state: FatigueState, sum: DrivingSummary, at: At, ctx: RuleContext): Step<FatigueState> {
  const f = ctx.params.fatigue;
  const v = ctx.vehicle;
  const limitS = f.continuousLimitMin * 60;
  const warnS = limitS - f.warningBeforeMin * 60;
  const every = ctx.params.signals.updateIntervalS;
  const signals: AlarmSignal[] = [];
  let { warning, episode, warnedStint, alarmedStint } = state;
  const figures = { continuousMin: minutes(sum.stintS), limitMin: f.continuousLimitMin };

  if (sum.restS >= f.minRestMin * 60) {
    const restStart = at.t - sum.restS * 1000;
    const rest = { restMin: minutes(sum.restS) };
    if (episode) signals.push(closeEpisode(v, episode, restStart, { details: rest }));
    if (warning) signals.push(closeEpisode(v, warning, restStart, { details: rest }));
    return { state: { ...state, warning: null, episode: null }, signals };
  }
  // A stint shorter than the thresholds while one is open: back-fill showed a rest that had been counted as driving.
  if (episode && sum.stintS < limitS) {
    signals.push(closeEpisode(v, episode, at.t, { details: { ...figures, revised: true } }));
    episode = null;
  }
  if (warning && sum.stintS < warnS) {
    signals.push(closeEpisode(v, warning, at.t, { details: { ...figures, revised: true } }));
    warning = null;
  }

  if (episode) {
    const u = updateEpisode(v, episode, { lastAt: at.t, lat: at.lat, lon: at.lon, details: figures }, every);
    episode = u.episode;
    if (u.signal) signals.push(u.signal);
  } else if (sum.stintS >= limitS && alarmedStint !== sum.stintStart) {
    if (warning) {
      signals.push(closeEpisode(v, warning, at.t, { lastAt: at.t, details: figures }));
      warning = null;
    }
    const o = openEpisode(v, {
      type: 'fatigue',
      severity: ctx.params.severity.fatigue,
      startedAt: at.t,
      lat: at.lat,
      lon: at.lon,
      details: { ...figures, stintStartedAt: sum.stintStart },
    });
    episode = o.episode;
    alarmedStint = sum.stintStart;
    signals.push(o.signal);
  }

  if (warning) {
    const u = updateEpisode(v, warning, { lastAt: at.t, lat: at.lat, lon: at.lon, details: figures }, every);
    warning = u.episode;
    if (u.signal) signals.push(u.signal);
  } else if (!episode && sum.stintS >= warnS && sum.stintS < limitS && warnedStint !== sum.stintStart) {
    const o = openEpisode(v, {
      type: 'fatigue_warning',
      severity: 'info',
      startedAt: at.t,
      lat: at.lat,
      lon: at.lon,
      details: { ...figures, stintStartedAt: sum.stintStart },
    });
    warning = o.episode;
    warnedStint = sum.stintStart;
    signals.push(o.signal);
  }
  return { state: { warning, episode, warnedStint, alarmedStint }, signals };
}
