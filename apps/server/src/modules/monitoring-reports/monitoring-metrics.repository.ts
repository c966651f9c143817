import type { MonitoringThresholds } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { rollupThresholdsKey } from './position-figures.sql.js';
import { shanghaiDay } from './report-day.js';
import { exactVehicleDays } from './vehicle-day-exact.js';

/** One registered vehicle's day, aggregated in the database (never a position in JS). */
export interface VehicleDayStats {
  vehicle_id: string;
  plate: string;
  driver_name: string | null;
  organisation_id: string;
  organisation_name: string;
  /** Reported at least once before the day ended (入网). */
  connected: boolean;
  positions: number;
  valid_positions: number;
  drift_points: number;
  distance_m: number;
  continuous_m: number;
  online_seconds: number;
  first_at: Date | null;
  last_at: Date | null;
}

/** Alarms that started in the day, per vehicle, carrier, type and severity. */
export interface AlarmDayStats {
  vehicle_id: string;
  plate: string;
  driver_name: string | null;
  organisation_id: string;
  organisation_name: string;
  type: string;
  severity: 'info' | 'warning' | 'serious' | 'critical';
  count: number;
  acknowledged: number;
  in_time: number;
}

/** A vehicle's rollup row of the day, with whether it must be recomputed (missing, dirty or other thresholds). */
type RollupRow = VehicleDayStats & { stale: boolean };

/** Reads the rollup of the day for the given vehicles (one primary-key probe each). */
async function rollupOf(
  db: Db,
  vehicleIds: readonly string[],
  day: { day: string; from: Date },
  t: MonitoringThresholds,
): Promise<RollupRow[]> {
  const result = await sql<RollupRow>`
    select v.id as vehicle_id, v.plate, v.driver_name, v.organisation_id, o.name as organisation_name,
      (coalesce(r.positions, 0) > 0 or exists (
        select 1 from positions q where q.vehicle_id = v.id and q.device_time < ${day.from})) as connected,
      coalesce(r.positions, 0) as positions, coalesce(r.valid_positions, 0) as valid_positions,
      coalesce(r.online_seconds, 0) as online_seconds, r.first_at, r.last_at, coalesce(r.jumps, 0) as drift_points,
      coalesce(r.distance_m, 0) as distance_m, coalesce(r.continuous_m, 0) as continuous_m,
      (r.vehicle_id is null or r.dirty or r.thresholds_key <> ${rollupThresholdsKey(t)}::text) as stale
    from vehicles v
    join organisations o on o.id = v.organisation_id
    left join vehicle_day_stats r on r.vehicle_id = v.id and r.day = ${day.day}::date
    where v.id = any(${vehicleIds}::uuid[])
    order by v.plate, v.id
  `.execute(db);
  return result.rows;
}

/**
 * Per-vehicle figures of one day for every active vehicle registered before the day ended (of one carrier when
 * `organisationId` is given), by plate. They come from the rollup (vehicle_day_stats, kept at ingest); vehicle-days
 * whose row is missing, dirty or made with other thresholds are computed exactly from positions and stored. On
 * PostgreSQL those are split into `concurrency` runs computed at once on separate connections; PGlite has one
 * connection and takes them in turn.
 */
export async function vehicleDayStats(
  db: Db,
  range: { from: Date; to: Date },
  t: MonitoringThresholds,
  opts: { organisationId?: string | undefined; concurrency?: number } = {},
): Promise<VehicleDayStats[]> {
  let q = db
    .selectFrom('vehicles')
    .select('id')
    .where('active', '=', true)
    .where('created_at', '<', range.to)
    .orderBy('plate')
    .orderBy('id');
  if (opts.organisationId) q = q.where('organisation_id', '=', opts.organisationId);
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const day = { day: shanghaiDay(range.from), ...range };
  const rows = await rollupOf(db, ids, day, t);
  const stale = rows.filter((r) => r.stale).map((r) => r.vehicle_id);
  const exact = new Map<string, VehicleDayStats>();
  if (stale.length > 0) {
    const parts = Math.max(1, Math.min(opts.concurrency ?? 1, stale.length));
    const size = Math.ceil(stale.length / parts);
    const chunks = Array.from({ length: parts }, (_, i) => stale.slice(i * size, (i + 1) * size));
    const results = await Promise.all(chunks.map((chunk) => exactVehicleDays(db, chunk, day, t)));
    for (const r of results.flat()) exact.set(r.vehicle_id, r);
  }
  return rows.map(({ stale: _, ...r }) => exact.get(r.vehicle_id) ?? r);
}

/**
 * Alarms whose episode started in the day (device time), with how many were acknowledged or handled at all and
 * within their severity's minutes of being raised (the first of acknowledged_at and handled_at counts).
 */
export async function alarmDayStats(
  db: Db,
  range: { from: Date; to: Date },
  t: MonitoringThresholds,
  organisationId?: string,
): Promise<AlarmDayStats[]> {
  const m = t.ackMinutes;
  const limit = sql`(case a.severity when 'critical' then ${m.critical}::int when 'serious' then ${m.serious}::int
    when 'warning' then ${m.warning}::int else ${m.info}::int end) * interval '1 minute'`;
  const byCarrier = organisationId ? sql`and a.organisation_id = ${organisationId}` : sql``;
  const result = await sql<AlarmDayStats>`
    select a.vehicle_id, v.plate, v.driver_name, a.organisation_id, o.name as organisation_name, a.type, a.severity,
      count(*)::int as count,
      count(least(a.acknowledged_at, a.handled_at))::int as acknowledged,
      count(*) filter (where least(a.acknowledged_at, a.handled_at) <= a.raised_at + ${limit})::int as in_time
    from alarms a
    join vehicles v on v.id = a.vehicle_id
    join organisations o on o.id = a.organisation_id
    where a.started_at >= ${range.from} and a.started_at < ${range.to} ${byCarrier}
    group by a.vehicle_id, v.plate, v.driver_name, a.organisation_id, o.name, a.type, a.severity
    order by v.plate, a.type, a.severity
  `.execute(db);
  return result.rows;
}
