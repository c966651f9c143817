import type { MonitoringThresholds } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { VehicleDayStats } from './monitoring-metrics.repository.js';
import { isJump, rollupThresholdsKey, stepMetres, validFix } from './position-figures.sql.js';

/**
 * The exact per-vehicle figures of one day, from the vehicles' positions, stored into the rollup as they are read
 * (vehicle_day_stats: clean, with these thresholds' key), unless a writer changed a vehicle's row since this
 * statement's snapshot (its version moved): then the row is left to that writer and the figures are still returned.
 *
 * Each vehicle's positions are read once, through the primary key (vehicle_id, device_time), so memory stays flat
 * whatever the fleet and only the one or two monthly partitions the day touches are read. Two windows over the
 * vehicle's day: in time order over every report (gaps for online time) and over the valid fixes only (partition by
 * validity: steps between consecutive valid fixes for distance, jumps and breaks). JIT is off: its compile time
 * exceeds the whole query's work.
 */
export async function exactVehicleDays(
  db: Db,
  vehicleIds: readonly string[],
  day: { day: string; from: Date; to: Date },
  t: MonitoringThresholds,
): Promise<VehicleDayStats[]> {
  const { from, to } = day;
  const gap = sql`${t.gapSeconds}::float8`;
  // Inside a caller's transaction (`db` is one) the statement joins it; otherwise it gets its own, for `set local`.
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    const result = await sql<VehicleDayStats>`
      with seen as (
        select s.vehicle_id, s.version from vehicle_day_stats s
        where s.vehicle_id = any(${vehicleIds}::uuid[]) and s.day = ${day.day}::date
      ),
      exact as (
        select v.id as vehicle_id, v.plate, v.driver_name, v.organisation_id, o.name as organisation_name,
          (d.positions > 0 or exists (
            select 1 from positions q where q.vehicle_id = v.id and q.device_time < ${from})) as connected,
          d.positions, d.valid_positions, d.online_seconds, d.first_at, d.last_at, d.drift_points, d.distance_m,
          d.continuous_m, d.last_valid_at, d.last_valid_lat, d.last_valid_lon
        from vehicles v
        join organisations o on o.id = v.organisation_id
        cross join lateral (
          select count(*)::int as positions, count(*) filter (where ok)::int as valid_positions,
            coalesce(sum(dt) filter (where dt <= ${gap}), 0)::float8 as online_seconds,
            min(device_time) as first_at, max(device_time) as last_at,
            count(*) filter (where jump)::int as drift_points,
            coalesce(sum(dist) filter (where not jump), 0)::float8 as distance_m,
            coalesce(sum(dist) filter (where not jump and dt_ok <= ${gap}), 0)::float8 as continuous_m,
            max(device_time) filter (where ok) as last_valid_at,
            (array_agg(lat order by device_time desc) filter (where ok))[1] as last_valid_lat,
            (array_agg(lon order by device_time desc) filter (where ok))[1] as last_valid_lon
          from (
            select device_time, lat, lon, ok, dt, dt_ok, case when ok then dist end as dist, ${isJump(t)} as jump
            from (
              select x.device_time, x.lat, x.lon, x.ok,
                date_part('epoch', x.device_time - lag(x.device_time) over (order by x.device_time)) as dt,
                date_part('epoch', x.device_time - lag(x.device_time) over w) as dt_ok,
                ${stepMetres} as dist
              from (
                select p.device_time, p.lat, p.lon, ${validFix(t)} as ok
                from positions p
                where p.vehicle_id = v.id and p.device_time >= ${from} and p.device_time < ${to}
              ) x
              window w as (partition by x.ok order by x.device_time)
            ) steps
          ) s
        ) d
        where v.id = any(${vehicleIds}::uuid[])
      ),
      stored as (
        insert into vehicle_day_stats as r (vehicle_id, day, positions, valid_positions, online_seconds, jumps,
          distance_m, continuous_m, first_at, last_at, last_valid_at, last_valid_lat, last_valid_lon, dirty,
          thresholds_key, version)
        select e.vehicle_id, ${day.day}::date, e.positions, e.valid_positions, e.online_seconds, e.drift_points,
          e.distance_m, e.continuous_m, e.first_at, e.last_at, e.last_valid_at, e.last_valid_lat, e.last_valid_lon,
          false, ${rollupThresholdsKey(t)}::text, coalesce(s.version, 0) + 1
        from exact e
        left join seen s on s.vehicle_id = e.vehicle_id
        order by e.vehicle_id
        on conflict (vehicle_id, day) do update set
          positions = excluded.positions, valid_positions = excluded.valid_positions,
          online_seconds = excluded.online_seconds, jumps = excluded.jumps, distance_m = excluded.distance_m,
          continuous_m = excluded.continuous_m, first_at = excluded.first_at, last_at = excluded.last_at,
          last_valid_at = excluded.last_valid_at, last_valid_lat = excluded.last_valid_lat,
          last_valid_lon = excluded.last_valid_lon, dirty = false, thresholds_key = excluded.thresholds_key,
          version = excluded.version, computed_at = now()
        where r.version + 1 = excluded.version
        returning 1
      )
      select vehicle_id, plate, driver_name, organisation_id, organisation_name, connected, positions,
        valid_positions, online_seconds, first_at, last_at, drift_points, distance_m, continuous_m
      from exact
      order by plate, vehicle_id
    `.execute(trx);
    return result.rows;
  });
}
