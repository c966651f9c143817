import type { RuleContext } from './context.js';
import type { DrivingSummary } from './driving-ledger.js';
import { closeEpisode, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import type { At } from './fatigue.js';
import { DAY_MS } from './time.js';
import type { AlarmSignal } from './types.js';

export interface DailyState {
  /** Local midnight of the day the episodes belong to. */
  day: number | null;
  warning: Episode | null;
  episode: Episode | null;
}

export const initialDaily: DailyState = { day: null, warning: null, episode: null };

/** Ends the previous day's episodes at its midnight once `t` is in a later day. */
export function dailyRollover(state: DailyState, t: number, ctx: RuleContext): Step<DailyState> {
  if (state.day === null || t < state.day + DAY_MS) return { state, signals: [] };
  const end = state.day + DAY_MS;
  const signals: AlarmSignal[] = [];
  if (state.episode) signals.push(closeEpisode(ctx.vehicle, state.episode, end));
  if (state.warning) signals.push(closeEpisode(ctx.vehicle, state.warning, end));
  return { state: initialDaily, signals };
}

/**
 * Daily driving (当天累计驾驶): driving time per calendar day in Asia/Shanghai — the day the terminal's own 0x0058
 * threshold counts, so platform and terminal agree. 'daily_driving_warning' (info) dailyWarningBeforeMin before the
 * limit, 'daily_driving' over it; one each per day (episode key = that day's midnight), closed at midnight.
 */
export function dailyDrivingRule(state: DailyState, sum: DrivingSummary, at: At, ctx: RuleContext): Step<DailyState> {
  const f = ctx.params.fatigue;
  const v = ctx.vehicle;
  const roll = dailyRollover(state, sum.dayStart, ctx);
  const signals = roll.signals;
  let { warning, episode } = roll.state;
  const day = sum.dayStart;
  const limitS = f.dailyLimitMin * 60;
  const warnS = limitS - f.dailyWarningBeforeMin * 60;
  const every = ctx.params.signals.updateIntervalS;
  const figures = { drivingMin: Math.round(sum.dayDriveS / 60), limitMin: f.dailyLimitMin };
  const start = (type: 'daily_driving' | 'daily_driving_warning') =>
    openEpisode(v, {
      type,
      severity: type === 'daily_driving' ? ctx.params.severity.dailyDriving : 'info',
      startedAt: at.t,
      lat: at.lat,
      lon: at.lon,
      key: String(day),
      details: figures,
    });

  if (episode) {
    const u = updateEpisode(v, episode, { lastAt: at.t, lat: at.lat, lon: at.lon, details: figures }, every);
    episode = u.episode;
    if (u.signal) signals.push(u.signal);
  } else if (sum.dayDriveS >= limitS) {
    if (warning) {
      signals.push(closeEpisode(v, warning, at.t, { lastAt: at.t, details: figures }));
      warning = null;
    }
    const o = start('daily_driving');
    episode = o.episode;
    signals.push(o.signal);
  } else if (warning) {
    const u = updateEpisode(v, warning, { lastAt: at.t, lat: at.lat, lon: at.lon, details: figures }, every);
    warning = u.episode;
    if (u.signal) signals.push(u.signal);
  } else if (sum.dayDriveS >= warnS) {
    const o = start('daily_driving_warning');
    warning = o.episode;
    signals.push(o.signal);
  }
  return { state: { day, warning, episode }, signals };
}
