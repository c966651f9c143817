import type { MonitoringThresholds, Position } from '@anlan/contracts';
import { sql } from 'kysely';
import { PREPARED, type Db } from '../../db/client.js';
import { defaultRollupThresholds, rollupCtes } from '../monitoring-reports/vehicle-day-rollup.js';
import type { LatestPositionsTable } from '../../db/tables.js';
import type { PositionRecord } from '../../gateway/position-record.js';
import { positionColumns, toUnsigned32 } from './position-columns.js';


const byVehicleThenTime = (a: PositionRecord, b: PositionRecord) =>
  a.vehicleId < b.vehicleId ? -1 : a.vehicleId > b.vehicleId ? 1 : a.deviceTime.getTime() - b.deviceTime.getTime();

/**
 * Writes positions in one statement (so one implicit transaction on either engine): a multi-row insert from arrays
 * (unnest: 14 parameters whatever the batch size, each one array literal, see position-columns.ts) with ON CONFLICT
 * DO NOTHING, and an upsert of each vehicle's latest position that only moves forward in device time. Returns how
 * many rows were new. The new rows are also folded into each vehicle-day's rollup (`vehicle_day_stats`, computed with
 * `thresholds`; see vehicle-day-rollup.ts) in the same statement. Rows are sorted by vehicle and time (unnest keeps
 * array order) so that concurrent batches lock rows in one order and cannot deadlock.
 */
export async function insertPositions(
  db: Db,
  records: readonly PositionRecord[],
  thresholds: MonitoringThresholds = defaultRollupThresholds,
): Promise<{ inserted: number }> {
  if (records.length === 0) return { inserted: 0 };
  const result = await insertPositionsStatement(records, thresholds).execute(db);
  return { inserted: result.rows[0]?.inserted ?? 0 };
}

function insertPositionsStatement(records: readonly PositionRecord[], thresholds: MonitoringThresholds) {
  const c = positionColumns([...records].sort(byVehicleThenTime));
  return sql<{ inserted: number }>`${sql.raw(PREPARED)}
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
      returning vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, status_bits
    ),
    ${rollupCtes(thresholds)},
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
  `;
}

type PositionColumns = Omit<LatestPositionsTable, 'vehicle_id'> & { blind_area?: boolean };

export const toPosition = (r: PositionColumns): Position => ({
  deviceTime: r.device_time.toISOString(),
  receivedAt: r.received_at.toISOString(),
  lat: r.lat,
  lon: r.lon,
  speedKmh: r.speed_kmh,
  heading: r.heading,
  altitudeM: r.altitude_m,
  alarmBits: toUnsigned32(r.alarm_bits),
  statusBits: toUnsigned32(r.status_bits),
  mileageKm: r.mileage_km,
  blindArea: r.blind_area ?? false,
});

const TRACK_MAX_POINTS = 100_000;

/** Positions of one vehicle in [from, to), in device-time order (the primary key serves this). */
export async function trackOf(db: Db, vehicleId: string, from: Date, to: Date): Promise<Position[]> {
  const rows = await db
    .selectFrom('positions')
    .select(['device_time', 'received_at', 'lat', 'lon', 'speed_kmh', 'heading', 'altitude_m', 'alarm_bits'])
    .select(['status_bits', 'mileage_km', 'blind_area'])
    .where('vehicle_id', '=', vehicleId)
    .where('device_time', '>=', from)
    .where('device_time', '<', to)
    .orderBy('device_time')
    .limit(TRACK_MAX_POINTS)
    .execute();
  return rows.map(toPosition);
}
