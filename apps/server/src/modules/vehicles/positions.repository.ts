import type { Position } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { LatestPositionsTable } from '../../db/tables.js';
import type { PositionRecord } from '../../gateway/position-record.js';

/** A device time further ahead of the receive time than this never moves the live map (a broken clock). */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

const byVehicleThenTime = (a: PositionRecord, b: PositionRecord) =>
  a.vehicleId < b.vehicleId ? -1 : a.vehicleId > b.vehicleId ? 1 : a.deviceTime.getTime() - b.deviceTime.getTime();

/** The DWORDs are stored as signed 32-bit integers (see the migration); these convert at the edge. */
export const toSigned32 = (n: number) => n | 0;
export const toUnsigned32 = (n: number) => n >>> 0;

/**
 * Writes positions in one statement (so one implicit transaction on either engine): a multi-row insert from arrays
 * (unnest: 14 parameters whatever the batch size) with ON CONFLICT DO NOTHING, and an upsert of each vehicle's latest
 * position that only moves forward in device time. Returns how many rows were new. Rows are sorted by vehicle and
 * time (unnest keeps array order) so that concurrent batches lock rows in one order and cannot deadlock.
 */
export async function insertPositions(db: Db, records: readonly PositionRecord[]): Promise<{ inserted: number }> {
  if (records.length === 0) return { inserted: 0 };
  const rows = [...records].sort(byVehicleThenTime);
  const n = rows.length;
  const vehicle = new Array<string>(n);
  const deviceTime = new Array<string>(n);
  const receivedAt = new Array<string>(n);
  const lat = new Array<number>(n);
  const lon = new Array<number>(n);
  const speed = new Array<number>(n);
  const heading = new Array<number>(n);
  const altitude = new Array<number>(n);
  const alarm = new Array<number>(n);
  const status = new Array<number>(n);
  const mileage = new Array<number | null>(n);
  const blind = new Array<boolean>(n);
  const extras = new Array<string | null>(n);
  const isLatest = new Array<boolean>(n).fill(false);
  // Index of each vehicle's newest plausible row in this batch (rows are sorted by vehicle, then time).
  const newest = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    vehicle[i] = r.vehicleId;
    deviceTime[i] = r.deviceTime.toISOString();
    receivedAt[i] = r.receivedAt.toISOString();
    lat[i] = r.lat;
    lon[i] = r.lon;
    speed[i] = r.speedKmh;
    heading[i] = r.heading;
    altitude[i] = r.altitudeM;
    alarm[i] = toSigned32(r.alarmBits);
    status[i] = toSigned32(r.statusBits);
    mileage[i] = r.mileageKm;
    blind[i] = r.blindArea;
    extras[i] = r.extras ? JSON.stringify(r.extras) : null;
    // A broken clock (far ahead) or no fix yet (0, 0) never moves the live map.
    const plausible =
      r.deviceTime.getTime() <= r.receivedAt.getTime() + FUTURE_TOLERANCE_MS && (r.lat !== 0 || r.lon !== 0);
    if (plausible) newest.set(r.vehicleId, i);
  }
  for (const i of newest.values()) isLatest[i] = true;
  const result = await sql<{ inserted: number }>`
    with batch as (
      select * from unnest(
        ${vehicle}::uuid[], ${deviceTime}::timestamptz[], ${receivedAt}::timestamptz[], ${lat}::float8[], ${lon}::float8[],
        ${speed}::real[], ${heading}::int[], ${altitude}::int[], ${alarm}::int[], ${status}::int[], ${mileage}::float8[],
        ${blind}::bool[], ${extras}::jsonb[], ${isLatest}::bool[]
      ) as b(vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, altitude_m, alarm_bits,
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
  return { inserted: result.rows[0]?.inserted ?? 0 };
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
