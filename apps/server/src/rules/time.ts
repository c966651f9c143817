/*
 * Wall-clock time in Asia/Shanghai: UTC+8 all year (China has had no daylight saving since 1991), so plain arithmetic
 * on epoch milliseconds is exact and needs no time-zone database.
 */

const OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Minutes since local midnight (0–1439) of instant `t`. */
export function localMinuteOfDay(t: number): number {
  const local = (t + OFFSET_MS) % DAY_MS;
  return Math.floor((local < 0 ? local + DAY_MS : local) / MINUTE_MS);
}

/** The instant of local midnight that starts the day holding `t`. */
export function localDayStart(t: number): number {
  return Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

const parsed = new Map<string, number | null>();

/** 'HH:MM' → minutes since midnight, or null when malformed. */
export function parseWallTime(hhmm: string | null | undefined): number | null {
  if (hhmm === null || hhmm === undefined) return null;
  let minutes = parsed.get(hhmm);
  if (minutes === undefined) {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
    minutes = m ? Number(m[1]) * 60 + Number(m[2]) : null;
    if (parsed.size < 10_000) parsed.set(hhmm, minutes);
  }
  return minutes;
}

/**
 * Whether local minute `minute` lies in [from, to). A window whose end is before its start wraps midnight
 * (22:00–06:00); from === to is an empty window.
 */
export function inWindow(minute: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** Whether instant `t` falls in the local window 'HH:MM'–'HH:MM' (false when either end is missing or malformed). */
export function inWallWindow(t: number, from: string | null | undefined, to: string | null | undefined): boolean {
  const f = parseWallTime(from);
  const e = parseWallTime(to);
  return f !== null && e !== null && inWindow(localMinuteOfDay(t), f, e);
}
