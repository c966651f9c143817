import type { RuleContext } from './context.js';
import { established } from './debounce.js';
import { closeEpisode, NO_SIGNALS, openEpisode, updateEpisode, type Episode, type Step } from './episode.js';
import type { Fix } from './fix.js';
import type { AlarmSignal } from './types.js';

export interface RouteState {
  routeId: string | null;
  /** Consecutive fixes off the route (before an episode) or back on it (during one), and since when. */
  count: number;
  since: number | null;
  maxDistanceM: number;
  episode: Episode | null;
}

export const initialRoute: RouteState = { routeId: null, count: 0, since: null, maxDistanceM: 0, episode: null };

/**
 * Route deviation: a vehicle whose trip names an approved route, further than the route's bufferM + route.marginM
 * from its line for route.leaveFixes fixes (or 2+ over leaveS), opens one episode per excursion (details.maxDistanceM);
 * it ends after returnFixes/returnS back inside. A changed or finished trip ends an open episode.
 */
export function routeDeviationRule(state: RouteState, fix: Fix, ctx: RuleContext): Step<RouteState> {
  const v = ctx.vehicle;
  const p = ctx.params.route;
  const routeId = v.trip?.routeId ?? null;
  const route = routeId === null ? undefined : ctx.routes.route(routeId);
  const signals: AlarmSignal[] = [];
  let s = state;
  if (s.routeId !== routeId || !route) {
    if (s.episode) signals.push(closeEpisode(v, s.episode, fix.t, { details: { tripChanged: true } }));
    s = { ...initialRoute, routeId };
    if (!route) return { state: s, signals: signals.length ? signals : NO_SIGNALS };
  }
  const limitM = route.bufferM + p.marginM;
  const d = ctx.routes.distanceM(route.id, fix.lat, fix.lon, limitM) ?? 0;
  const off = d > limitM;
  const t = fix.t;
  const figures = (max: number) => ({
    distanceM: Math.round(d),
    maxDistanceM: Math.round(max),
    bufferM: route.bufferM,
    routeName: route.name,
  });

  if (!s.episode) {
    if (!off) return { state: s.count === 0 ? s : { ...initialRoute, routeId }, signals };
    const count = s.count + 1;
    const since = s.since ?? t;
    const max = Math.max(s.maxDistanceM, d);
    if (!established(count, since, t, p.leaveFixes, p.leaveS))
      return { state: { ...s, count, since, maxDistanceM: max }, signals };
    const o = openEpisode(v, {
      type: 'route_deviation',
      severity: ctx.params.severity.routeDeviation,
      startedAt: since,
      lastAt: t,
      lat: fix.lat,
      lon: fix.lon,
      key: `${route.id}:${since}`,
      routeId: route.id,
      details: figures(max),
    });
    signals.push(o.signal);
    return { state: { routeId, count: 0, since: null, maxDistanceM: max, episode: o.episode }, signals };
  }
  if (off) {
    const max = Math.max(s.maxDistanceM, d);
    const u = updateEpisode(
      v,
      s.episode,
      { lastAt: t, lat: fix.lat, lon: fix.lon, details: figures(max) },
      ctx.params.signals.updateIntervalS,
    );
    if (u.signal) signals.push(u.signal);
    return { state: { ...s, count: 0, since: null, maxDistanceM: max, episode: u.episode }, signals };
  }
  const count = s.count + 1;
  const since = s.since ?? t;
  if (established(count, since, t, p.returnFixes, p.returnS)) {
    signals.push(closeEpisode(v, s.episode, since, { details: { maxDistanceM: Math.round(s.maxDistanceM) } }));
    return { state: { ...initialRoute, routeId }, signals };
  }
  return { state: { ...s, count, since }, signals };
}
