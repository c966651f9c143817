import type { MonitoringThresholds } from '@anlan/contracts';
import { sql, type RawBuilder } from 'kysely';

/**
 * The SQL pieces of the per-vehicle day figures (module README, Definitions), shared by the exact computation over a
 * day of positions (monitoring-metrics.repository.ts) and its incremental form at ingest (vehicle-day-rollup.ts), so
 * that both compute each fix's validity and each step in the very same expressions.
 */

const EARTH_RADIUS_M = 6_371_008.8;

/** 数据合格: the row `p` of positions is a usable fix (see the module README). Floats only: numeric is slow. */
export function validFix(t: MonitoringThresholds): RawBuilder<boolean> {
  const b = t.bounds;
  return sql<boolean>`((p.status_bits & 2) <> 0
    and p.lat between ${b.minLat}::float8 and ${b.maxLat}::float8
    and p.lon between ${b.minLon}::float8 and ${b.maxLon}::float8
    and not (p.lat = 0 and p.lon = 0)
    and p.speed_kmh between 0::float8 and ${t.maxSpeedKmh}::float8
    and p.heading between 0 and 359
    and p.device_time <= p.received_at + ${t.futureToleranceSeconds}::float8 * interval '1 second')`;
}

/** Great-circle metres from the previous row of window `w` over rows `x` (the previous valid fix) to this one. */
export const stepMetres = sql<number>`${2 * EARTH_RADIUS_M}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(x.lat - lag(x.lat) over w) / 2::float8), 2::float8)
    + cos(radians(lag(x.lat) over w)) * cos(radians(x.lat))
      * power(sin(radians(x.lon - lag(x.lon) over w) / 2::float8), 2::float8))))`;

/** A step (`dist` metres over `dt_ok` seconds between valid fixes) that is a jump (漂移点). */
export const isJump = (t: MonitoringThresholds) =>
  sql<boolean>`(ok and dist > ${t.driftMinDistanceM}::float8 and dist * 3.6::float8 > ${t.driftSpeedKmh}::float8 * dt_ok)`;

/** The Asia/Shanghai calendar day (a `date`) of the instant `at` (fixed +08:00, no time-zone database needed). */
export const shanghaiDate = (at: RawBuilder<unknown>) => sql`((${at} at time zone 'UTC') + interval '8 hours')::date`;

/** The instant 00:00 +08:00 of the date `day`. */
export const shanghaiDayStart = (day: RawBuilder<unknown>) =>
  sql`((${day})::timestamp - interval '8 hours') at time zone 'UTC'`;

/**
 * The thresholds the per-vehicle figures depend on, as a canonical string: a stored rollup computed with another key
 * is recomputed (alarm minutes and targets do not touch the rollup, so changing them costs nothing).
 */
export function rollupThresholdsKey(t: MonitoringThresholds): string {
  const b = t.bounds;
  return JSON.stringify([
    t.gapSeconds,
    t.driftSpeedKmh,
    t.driftMinDistanceM,
    t.maxSpeedKmh,
    t.futureToleranceSeconds,
    [b.minLat, b.minLon, b.maxLat, b.maxLon],
  ]);
}
