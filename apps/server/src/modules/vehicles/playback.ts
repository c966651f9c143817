import type { Position } from '@anlan/contracts';
import simplify from 'simplify-js';

/** Below this a vehicle stands still; a stop is at least STOP_MIN_S of it. */
export const STOP_SPEED_KMH = 1;
export const STOP_MIN_S = 60;

export interface Stop {
  from: string;
  to: string;
  lat: number;
  lon: number;
  durationS: number;
}

/** Device-time intervals (epoch ms, inclusive) whose every position must stay: alarm episodes. */
export interface KeepRange {
  from: number;
  to: number;
}

interface Indexed {
  x: number;
  y: number;
  i: number;
}

const M_PER_DEG = 111_320;

/** Runs of standing still lasting at least STOP_MIN_S, as index pairs [first, last]. */
function stopRuns(points: readonly Position[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  const close = (end: number) => {
    if (start >= 0 && Date.parse(points[end]!.deviceTime) - Date.parse(points[start]!.deviceTime) >= STOP_MIN_S * 1000)
      runs.push([start, end]);
    start = -1;
  };
  for (let i = 0; i < points.length; i++) {
    if (points[i]!.speedKmh < STOP_SPEED_KMH) {
      if (start < 0) start = i;
    } else if (start >= 0) close(i - 1);
  }
  if (start >= 0) close(points.length - 1);
  return runs;
}

/** Binary search in ascending `times`. */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A track thinned for display: Douglas–Peucker (simplify-js, high quality) in local metres at `toleranceM`, plus
 * every position that must not vanish — the first and last, each position inside an alarm episode (so the monitor
 * sees exactly where it happened), and both ends of every stop. Positions stay in device-time order.
 */
export function simplifyTrack(
  points: readonly Position[],
  keep: readonly KeepRange[],
  toleranceM: number,
): { points: Position[]; stops: Stop[] } {
  const stops = stopRuns(points);
  const stopViews = stops.map(([a, b]) => ({
    from: points[a]!.deviceTime,
    to: points[b]!.deviceTime,
    lat: points[a]!.lat,
    lon: points[a]!.lon,
    durationS: Math.round((Date.parse(points[b]!.deviceTime) - Date.parse(points[a]!.deviceTime)) / 1000),
  }));
  if (points.length <= 2 || toleranceM <= 0) return { points: [...points], stops: stopViews };
  const lat0 = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const projected: Indexed[] = points.map((p, i) => ({ x: p.lon * kx, y: p.lat * M_PER_DEG, i }));
  const kept = new Set<number>((simplify(projected, toleranceM, true) as Indexed[]).map((p) => p.i));
  kept.add(0).add(points.length - 1);
  for (const [a, b] of stops) kept.add(a).add(b);
  const times = points.map((p) => Date.parse(p.deviceTime));
  for (const r of keep)
    for (let i = firstAtOrAfter(times, r.from); i < times.length && times[i]! <= r.to; i++) kept.add(i);
  return { points: [...kept].sort((a, b) => a - b).map((i) => points[i]!), stops: stopViews };
}
