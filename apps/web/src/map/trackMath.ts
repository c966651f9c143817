import type { Position } from '@anlan/contracts';
import type { LngLat } from './coordinates';

/** Longest period a track may cover (the API's limit) and the period the panel proposes. */
export const MAX_PERIOD_MS = 24 * 3600_000;
export const DEFAULT_PERIOD_MS = 2 * 3600_000;

/** The last two hours up to `now`, as ISO instants. */
export function defaultPeriod(now: number): { from: string; to: string } {
  return { from: new Date(now - DEFAULT_PERIOD_MS).toISOString(), to: new Date(now).toISOString() };
}

/** What is wrong with a chosen period, or null when the API will take it. */
export function periodProblem(from: number, to: number): 'order' | 'tooLong' | null {
  if (!(to > from)) return 'order';
  return to - from > MAX_PERIOD_MS ? 'tooLong' : null;
}

/** Where the vehicle was at one instant of the playback. */
export interface TrackCursor {
  /** Index of the last point at or before the instant. */
  index: number;
  at: number;
  lngLat: LngLat;
  speedKmh: number;
  heading: number;
}

/** Index of the last point whose device time is at or before `t` (0 before the start); `times` ascending. */
export function indexAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || t <= times[0]!) return 0;
  if (t >= times[hi]!) return hi;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The vehicle's place at instant `t`, moving in a straight line between two reported points (reports are seconds
 * apart, so the line is what the vehicle drove to within metres). Null for an empty track.
 */
export function cursorAt(points: readonly Position[], times: readonly number[], t: number): TrackCursor | null {
  if (points.length === 0) return null;
  const clamped = Math.min(Math.max(t, times[0]!), times[times.length - 1]!);
  const i = indexAt(times, clamped);
  const a = points[i]!;
  const b = points[i + 1];
  const span = b ? times[i + 1]! - times[i]! : 0;
  const f = b && span > 0 ? (clamped - times[i]!) / span : 0;
  return {
    index: i,
    at: clamped,
    lngLat: b ? [a.lon + (b.lon - a.lon) * f, a.lat + (b.lat - a.lat) * f] : [a.lon, a.lat],
    speedKmh: b ? a.speedKmh + (b.speedKmh - a.speedKmh) * f : a.speedKmh,
    heading: a.heading,
  };
}

/** The next playback instant: `speed` seconds of track per real second, stopping at the end. */
export function advance(t: number, elapsedMs: number, speed: number, end: number): number {
  return Math.min(end, t + elapsedMs * speed);
}

/** The slider counts whole seconds from the start of the track. */
export const sliderValue = (t: number, start: number): number => Math.round((t - start) / 1000);
export const timeOfSlider = (value: number, start: number): number => start + value * 1000;

/** Where the terminal started reporting an alarm (a new set of alarm bits): the track's alarm marks without an alarms API. */
export function alarmBitStarts(points: readonly Position[]): Position[] {
  return points.filter((p, i) => p.alarmBits !== 0 && p.alarmBits !== points[i - 1]?.alarmBits);
}
