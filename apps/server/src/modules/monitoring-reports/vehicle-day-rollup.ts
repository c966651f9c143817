import { monitoringThresholds, type MonitoringThresholds } from '@anlan/contracts';
import { sql, type RawBuilder } from 'kysely';
import {
  isJump,
  rollupThresholdsKey,
  shanghaiDate,
  shanghaiDayStart,
  stepMetres,
  validFix,
} from './position-figures.sql.js';

/** The built-in thresholds, parsed once (ingest calls this for every batch when none are configured). */
export const defaultRollupThresholds: MonitoringThresholds = monitoringThresholds.parse({});

/**
 * Common table expressions that fold newly inserted positions into `vehicle_day_stats`, to be appended to the WITH
 * list of the statement that inserts them (so the rollup commits with the positions, or not at all). `source` names
 * an earlier CTE returning the new rows only (INSERT … ON CONFLICT DO NOTHING RETURNING: a re-sent fix is not there)
 * with the columns vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, status_bits.
 *
 * Per vehicle-day of the batch, the stored row's last report and last valid fix seed the same two windows the exact
 * computation runs over the whole day, and the batch's sums are added to the stored ones. That is exact only when
 * every new fix is later than the stored last report and the row is what this statement read (same `version`, not
 * dirty, computed with the same thresholds): otherwise the row is only marked dirty, and the report recomputes it
 * from positions. A vehicle-day without a row gets one, dirty when positions of that day were already stored (they
 * were written before the rollup existed, or by something else than ingest).
 */
export function rollupCtes(
  t: MonitoringThresholds = defaultRollupThresholds,
  source = 'inserted',
): RawBuilder<unknown> {
  const gap = sql`${t.gapSeconds}::float8`;
  const inOrder = sql`(not r.dirty and r.version + 1 = excluded.version and r.thresholds_key = excluded.thresholds_key
    and (r.last_at is null or excluded.first_at > r.last_at))`;
  const add = (column: string) =>
    sql`${sql.ref(column)} = case when ${inOrder} then ${sql.ref(`r.${column}`)} + ${sql.ref(`excluded.${column}`)}
      else ${sql.ref(`r.${column}`)} end`;
  const take = (column: string, value: RawBuilder<unknown>) =>
    sql`${sql.ref(column)} = case when ${inOrder} then ${value} else ${sql.ref(`r.${column}`)} end`;
  return sql`
    rollup_in as (
      select p.vehicle_id, ${shanghaiDate(sql`p.device_time`)} as day, p.device_time, p.lat, p.lon, ${validFix(t)} as ok
      from ${sql.table(source)} p
    ),
    rollup_seen as (
      select g.vehicle_id, g.day, s.version, s.last_at, s.last_valid_at, s.last_valid_lat, s.last_valid_lon,
        (s.vehicle_id is null and exists (
          select 1 from positions q where q.vehicle_id = g.vehicle_id
            and q.device_time >= ${shanghaiDayStart(sql`g.day`)}
            and q.device_time < ${shanghaiDayStart(sql`g.day`)} + interval '1 day')) as older
      from (select distinct vehicle_id, day from rollup_in) g
      left join vehicle_day_stats s on s.vehicle_id = g.vehicle_id and s.day = g.day
    ),
    rollup_rows as (
      select vehicle_id, day, device_time, lat, lon, ok, false as seed from rollup_in
      union all
      select vehicle_id, day, last_valid_at, last_valid_lat, last_valid_lon, true, true
      from rollup_seen where last_valid_at is not null
      union all
      select vehicle_id, day, last_at, 0::float8, 0::float8, false, true
      from rollup_seen where last_at is not null and last_at is distinct from last_valid_at
    ),
    rollup_steps as (
      select vehicle_id, day, device_time, lat, lon, ok, seed, dt, dt_ok, case when ok then dist end as dist,
        ${isJump(t)} as jump
      from (
        select x.vehicle_id, x.day, x.device_time, x.lat, x.lon, x.ok, x.seed,
          date_part('epoch', x.device_time - lag(x.device_time) over (partition by x.vehicle_id, x.day
            order by x.device_time)) as dt,
          date_part('epoch', x.device_time - lag(x.device_time) over w) as dt_ok,
          ${stepMetres} as dist
        from rollup_rows x
        window w as (partition by x.vehicle_id, x.day, x.ok order by x.device_time)
      ) steps
    ),
    rollup_add as (
      select vehicle_id, day, count(*)::int as positions, count(*) filter (where ok)::int as valid_positions,
        coalesce(sum(dt) filter (where dt <= ${gap}), 0)::float8 as online_seconds,
        count(*) filter (where jump)::int as jumps,
        coalesce(sum(dist) filter (where not jump), 0)::float8 as distance_m,
        coalesce(sum(dist) filter (where not jump and dt_ok <= ${gap}), 0)::float8 as continuous_m,
        min(device_time) as first_at, max(device_time) as last_at,
        max(device_time) filter (where ok) as last_valid_at,
        (array_agg(lat order by device_time desc) filter (where ok))[1] as last_valid_lat,
        (array_agg(lon order by device_time desc) filter (where ok))[1] as last_valid_lon
      from rollup_steps
      where not seed
      group by vehicle_id, day
    ),
    rollup_stored as (
      insert into vehicle_day_stats as r (vehicle_id, day, positions, valid_positions, online_seconds, jumps,
        distance_m, continuous_m, first_at, last_at, last_valid_at, last_valid_lat, last_valid_lon, dirty,
        thresholds_key, version)
      select a.vehicle_id, a.day, a.positions, a.valid_positions, a.online_seconds, a.jumps, a.distance_m,
        a.continuous_m, a.first_at, a.last_at, a.last_valid_at, a.last_valid_lat, a.last_valid_lon, g.older,
        ${rollupThresholdsKey(t)}::text, coalesce(g.version, 0) + 1
      from rollup_add a
      join rollup_seen g on g.vehicle_id = a.vehicle_id and g.day = a.day
      order by a.vehicle_id, a.day
      on conflict (vehicle_id, day) do update set
        ${add('positions')}, ${add('valid_positions')}, ${add('online_seconds')}, ${add('jumps')},
        ${add('distance_m')}, ${add('continuous_m')},
        ${take('first_at', sql`coalesce(r.first_at, excluded.first_at)`)},
        ${take('last_at', sql`excluded.last_at`)},
        ${take('last_valid_at', sql`coalesce(excluded.last_valid_at, r.last_valid_at)`)},
        ${take('last_valid_lat', sql`case when excluded.last_valid_at is null then r.last_valid_lat else excluded.last_valid_lat end`)},
        ${take('last_valid_lon', sql`case when excluded.last_valid_at is null then r.last_valid_lon else excluded.last_valid_lon end`)},
        ${take('computed_at', sql`now()`)},
        dirty = not ${inOrder},
        version = r.version + 1
      returning 1
    )`;
}
