/**
 * The per-vehicle-day rollup in the monitoring-report benchmark: a check of one day's rollup against the exact figures
 * from positions, and what the rollup costs the ingest statement (side by side with the statement without it).
 */
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/client.js';
import type { Db } from '../apps/server/src/db/client.js';
import type { PositionRecord } from '../apps/server/src/gateway/position-record.js';
import { dayRange } from '../apps/server/src/modules/monitoring-reports/report-day.js';
import { exactVehicleDays } from '../apps/server/src/modules/monitoring-reports/vehicle-day-exact.js';
import { defaultRollupThresholds } from '../apps/server/src/modules/monitoring-reports/vehicle-day-rollup.js';
import { positionColumns } from '../apps/server/src/modules/vehicles/position-columns.js';
import { insertPositions } from '../apps/server/src/modules/vehicles/positions.repository.js';

export interface RollupCheck {
  day: string;
  vehicleDays: number;
  dirty: number;
  /** Vehicle-days whose positions, valid positions, jumps, first or last report differ from the exact pass. */
  countMismatches: number;
  maxDistanceDiffM: number;
  maxContinuousDiffM: number;
  maxOnlineDiffS: number;
}

interface Row {
  vehicle_id: string;
  positions: number;
  valid_positions: number;
  jumps: number;
  distance_m: number;
  continuous_m: number;
  online_seconds: number;
  first_at: Date | null;
  last_at: Date | null;
  dirty: boolean;
}

class Rollback extends Error {}

/** Compares every stored rollup row of `day` with the exact figures, computed in a transaction that is rolled back. */
export async function checkRollup({ db }: Database, day: string): Promise<RollupCheck> {
  const rows = (
    await sql<Row>`select vehicle_id, positions, valid_positions, jumps, distance_m, continuous_m, online_seconds,
      first_at, last_at, dirty from vehicle_day_stats where day = ${day}::date`.execute(db)
  ).rows;
  const check: RollupCheck = {
    day,
    vehicleDays: rows.length,
    dirty: rows.filter((r) => r.dirty).length,
    countMismatches: 0,
    maxDistanceDiffM: 0,
    maxContinuousDiffM: 0,
    maxOnlineDiffS: 0,
  };
  await db
    .transaction()
    .execute(async (trx) => {
      const exact = new Map(
        (
          await exactVehicleDays(
            trx,
            rows.map((r) => r.vehicle_id),
            { day, ...dayRange(day) },
            defaultRollupThresholds,
          )
        ).map((e) => [e.vehicle_id, e]),
      );
      for (const r of rows) {
        const e = exact.get(r.vehicle_id)!;
        if (
          r.positions !== e.positions ||
          r.valid_positions !== e.valid_positions ||
          r.jumps !== e.drift_points ||
          r.first_at?.getTime() !== e.first_at?.getTime() ||
          r.last_at?.getTime() !== e.last_at?.getTime()
        )
          check.countMismatches++;
        check.maxDistanceDiffM = Math.max(check.maxDistanceDiffM, Math.abs(r.distance_m - e.distance_m));
        check.maxContinuousDiffM = Math.max(check.maxContinuousDiffM, Math.abs(r.continuous_m - e.continuous_m));
        check.maxOnlineDiffS = Math.max(check.maxOnlineDiffS, Math.abs(r.online_seconds - e.online_seconds));
      }
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return check;
}

export interface IngestOverhead {
  params: { vehicles_each: number; positions_each: number; batch_rows: number; day: string };
  withRollup: number;
  withoutRollup: number;
  overheadPercent: number;
}

const BATCH = 500;
const FIX_EVERY_S = 10;
const MINUTES = 30;

/**
 * insertPositions against the same statement without the rollup, on two fleets of `vehicles` (so neither sees the
 * other's rows), alternating 500-row batches in device-time order as the gateway's batcher forms them.
 */
export async function measureIngestOverhead(
  database: Database,
  vehicles: number,
  day: string,
): Promise<IngestOverhead> {
  const { db } = database;
  const org = (
    await db
      .insertInto('organisations')
      .values({ kind: 'enterprise', name: '基准接入对照公司' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const fleet = async (prefix: string, phoneBase: number) =>
    (
      await db
        .insertInto('vehicles')
        .values(
          Array.from({ length: vehicles }, (_, i) => ({
            plate: `${prefix}${String(i).padStart(4, '0')}`,
            plate_colour: 2,
            organisation_id: org,
            vehicle_class: 'tanker',
            terminal_phone: `0${phoneBase + i}`,
          })),
        )
        .returning('id')
        .execute()
    ).map((r) => r.id);
  const a = await fleet('苏E·A', 13_700_000_000);
  const b = await fleet('苏E·B', 13_700_100_000);
  const start = dayRange(day).from.getTime() + 9 * 3600_000;
  const records = (ids: string[]) => {
    const out: PositionRecord[] = [];
    for (let k = 0; k < (MINUTES * 60) / FIX_EVERY_S; k++) {
      ids.forEach((vehicleId, n) => {
        const t = start + k * FIX_EVERY_S * 1000 + n * 7;
        out.push({
          vehicleId,
          deviceTime: new Date(t),
          receivedAt: new Date(t + 1500),
          lat: 30.6 + 0.05 * Math.sin(k / 60 + n),
          lon: 121 + 0.05 * Math.cos(k / 60 + n),
          speedKmh: 40,
          heading: k % 360,
          altitudeM: 5,
          alarmBits: 0,
          statusBits: (k + n) % 211 === 0 ? 1 : 3,
          mileageKm: null,
          blindArea: false,
          extras: null,
        });
      });
    }
    return out;
  };
  const ra = records(a);
  const rb = records(b);
  let withMs = 0;
  let withoutMs = 0;
  for (let i = 0; i < ra.length; i += BATCH) {
    const t0 = performance.now();
    await insertPositions(db, ra.slice(i, i + BATCH));
    const t1 = performance.now();
    await insertWithoutRollup(db, rb.slice(i, i + BATCH));
    const t2 = performance.now();
    // The first batches warm plans and caches: not counted.
    if (i >= 2 * BATCH) {
      withMs += t1 - t0;
      withoutMs += t2 - t1;
    }
  }
  const counted = ra.length - 2 * BATCH;
  const withRollup = Math.round(counted / (withMs / 1000));
  const withoutRollup = Math.round(counted / (withoutMs / 1000));
  return {
    params: { vehicles_each: vehicles, positions_each: ra.length, batch_rows: BATCH, day },
    withRollup,
    withoutRollup,
    overheadPercent: Math.round((withMs / withoutMs - 1) * 1000) / 10,
  };
}

/**
 * The statement of insertPositions without the rollup CTEs (positions and latest_positions only), encoded the same way
 * (position-columns.ts): the baseline. Keep it in step with positions.repository.ts.
 */
async function insertWithoutRollup(db: Db, records: PositionRecord[]): Promise<void> {
  const c = positionColumns(
    [...records].sort((x, y) =>
      x.vehicleId < y.vehicleId ? -1 : x.vehicleId > y.vehicleId ? 1 : x.deviceTime.getTime() - y.deviceTime.getTime(),
    ),
  );
  await sql`
    with batch as (
      select vehicle_id, to_timestamp(device_ms / 1000) as device_time, to_timestamp(received_ms / 1000) as received_at,
        lat, lon, speed_kmh, heading, altitude_m, alarm_bits, status_bits, mileage_km, blind_area, extras, is_latest
      from unnest(
        ${c.vehicle}::uuid[], ${c.deviceMs}::float8[], ${c.receivedMs}::float8[], ${c.lat}::float8[], ${c.lon}::float8[],
        ${c.speed}::real[], ${c.heading}::int[], ${c.altitude}::int[], ${c.alarm}::int[], ${c.status}::int[],
        ${c.mileage}::float8[], ${c.blind}::bool[], ${c.extras}::jsonb[], ${c.isLatest}::bool[]
      ) as b(vehicle_id, device_ms, received_ms, lat, lon, speed_kmh, heading, altitude_m, alarm_bits,
        status_bits, mileage_km, blind_area, extras, is_latest)
    ),
    inserted as (
      insert into positions (vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, altitude_m, alarm_bits,
        status_bits, mileage_km, blind_area, extras)
      select vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, altitude_m, alarm_bits, status_bits,
        mileage_km, blind_area, extras
      from batch
      on conflict do nothing
      returning 1
    ),
    moved as (
      insert into latest_positions (vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, altitude_m,
        alarm_bits, status_bits, mileage_km)
      select vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, altitude_m, alarm_bits, status_bits,
        mileage_km
      from batch where is_latest
      on conflict (vehicle_id) do update set
        device_time = excluded.device_time, received_at = excluded.received_at, lat = excluded.lat, lon = excluded.lon,
        speed_kmh = excluded.speed_kmh, heading = excluded.heading, altitude_m = excluded.altitude_m,
        alarm_bits = excluded.alarm_bits, status_bits = excluded.status_bits, mileage_km = excluded.mileage_km
      where latest_positions.device_time < excluded.device_time
      returning 1
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from moved)::int as moved
  `.execute(db);
}
