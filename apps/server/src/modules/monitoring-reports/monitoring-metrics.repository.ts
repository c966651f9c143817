import type { MonitoringThresholds } from '@anlan/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client.js';

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

const EARTH_RADIUS_M = 6_371_008.8;

/** 数据合格: the row `p` of positions is a usable fix (see the module README). Floats only: numeric is slow. */
function valid(t: MonitoringThresholds): RawBuilder<boolean> {
  const b = t.bounds;
  return sql<boolean>`((p.status_bits & 2) <> 0
    and p.lat between ${b.minLat}::float8 and ${b.maxLat}::float8
    and p.lon between ${b.minLon}::float8 and ${b.maxLon}::float8
    and not (p.lat = 0 and p.lon = 0)
    and p.speed_kmh between 0::float8 and ${t.maxSpeedKmh}::float8
    and p.heading between 0 and 359
    and p.device_time <= p.received_at + ${t.futureToleranceSeconds}::float8 * interval '1 second')`;
}

/** Great-circle metres from the previous row of window `w` (the previous valid fix) to this one. */
const stepMetres = sql<number>`${2 * EARTH_RADIUS_M}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(x.lat - lag(x.lat) over w) / 2::float8), 2::float8)
    + cos(radians(lag(x.lat) over w)) * cos(radians(x.lat))
      * power(sin(radians(x.lon - lag(x.lon) over w) / 2::float8), 2::float8))))`;

/**
 * Per-vehicle figures of one day for the given vehicles. Each vehicle's positions are read once, through the
 * primary key (vehicle_id, device_time), so memory stays flat whatever the fleet and only the one or two monthly
 * partitions the day touches are read. Two windows over the vehicle's day: in time order over every report (gaps
 * for online time) and over the valid fixes only (partition by validity: steps between consecutive valid fixes for
 * distance, jumps and breaks). JIT is off: its compile time exceeds the whole query's work.
 */
async function statsOf(
  db: Db,
  vehicleIds: readonly string[],
  range: { from: Date; to: Date },
  t: MonitoringThresholds,
): Promise<VehicleDayStats[]> {
  const { from, to } = range;
  const gap = sql`${t.gapSeconds}::float8`;
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    const result = await sql<VehicleDayStats>`
      select v.id as vehicle_id, v.plate, v.driver_name, v.organisation_id, o.name as organisation_name,
        (d.positions > 0 or exists (
          select 1 from positions q where q.vehicle_id = v.id and q.device_time < ${from})) as connected,
        d.positions, d.valid_positions, d.online_seconds, d.first_at, d.last_at, d.drift_points, d.distance_m,
        d.continuous_m
      from vehicles v
      join organisations o on o.id = v.organisation_id
      cross join lateral (
        select count(*)::int as positions, count(*) filter (where ok)::int as valid_positions,
          coalesce(sum(dt) filter (where dt <= ${gap}), 0)::float8 as online_seconds,
          min(device_time) as first_at, max(device_time) as last_at,
          count(*) filter (where jump)::int as drift_points,
          coalesce(sum(dist) filter (where not jump), 0)::float8 as distance_m,
          coalesce(sum(dist) filter (where not jump and dt_ok <= ${gap}), 0)::float8 as continuous_m
        from (
          select device_time, ok, dt, dt_ok, case when ok then dist end as dist,
            (ok and dist > ${t.driftMinDistanceM}::float8 and dist * 3.6::float8 > ${t.driftSpeedKmh}::float8 * dt_ok) as jump
          from (
            select x.device_time, x.ok,
              date_part('epoch', x.device_time - lag(x.device_time) over (order by x.device_time)) as dt,
              date_part('epoch', x.device_time - lag(x.device_time) over w) as dt_ok,
              ${stepMetres} as dist
            from (
              select p.device_time, p.lat, p.lon, ${valid(t)} as ok
              from positions p
              where p.vehicle_id = v.id and p.device_time >= ${from} and p.device_time < ${to}
            ) x
            window w as (partition by x.ok order by x.device_time)
          ) steps
        ) s
      ) d
      where v.id = any(${vehicleIds}::uuid[])
      order by v.plate, v.id
    `.execute(trx);
    return result.rows;
  });
}

/**
 * Per-vehicle figures of one day for every active vehicle registered before the day ended (of one carrier when
 * `organisationId` is given), by plate. On PostgreSQL the fleet is split into `concurrency` runs of plates computed
 * at once on separate connections; PGlite has one connection and takes them in turn.
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
  const parts = Math.max(1, Math.min(opts.concurrency ?? 1, ids.length));
  const size = Math.ceil(ids.length / parts);
  const chunks = Array.from({ length: parts }, (_, i) => ids.slice(i * size, (i + 1) * size));
  const results = await Promise.all(chunks.map((chunk) => statsOf(db, chunk, range, t)));
  return results.flat();
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
