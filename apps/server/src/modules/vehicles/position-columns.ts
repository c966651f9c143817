import type { PositionRecord } from '../../gateway/position-record.js';

/** A device time further ahead of the receive time than this never moves the live map (a broken clock). */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** The DWORDs are stored as signed 32-bit integers (see the migration); these convert at the edge. */
export const toSigned32 = (n: number) => n | 0;
export const toUnsigned32 = (n: number) => n >>> 0;

/**
 * One batch of positions as PostgreSQL array literals, one text per column (`{1,2,NULL}`), ready for
 * `unnest($1::float8[], …)`. Built here rather than by the driver because the driver turns every element into a
 * string of its own and escapes it (two thirds of the write path's CPU and most of its garbage at 50,000 rows/s);
 * numbers and uuids need no quoting, so a join makes the whole column in one string. Times travel as epoch
 * milliseconds (`to_timestamp(ms / 1000)` is exact to the microsecond), which is cheaper on both sides than ISO text.
 */
export interface PositionColumns {
  vehicle: string;
  deviceMs: string;
  receivedMs: string;
  lat: string;
  lon: string;
  speed: string;
  heading: string;
  altitude: string;
  alarm: string;
  status: string;
  mileage: string;
  blind: string;
  extras: string;
  /** The row that may move each vehicle's latest position: its newest plausible one in the batch. */
  isLatest: string;
}

const literal = (values: unknown[]) => `{${values.join(',')}}`;

/** A text element of an array literal: quoted, with backslashes and quotes escaped. */
const quoted = (s: string) => `"${s.replace(/[\\"]/g, '\\$&')}"`;

/** `rows` sorted by vehicle, then device time (so that the last plausible row of a vehicle is its newest). */
export function positionColumns(rows: readonly PositionRecord[]): PositionColumns {
  const n = rows.length;
  const vehicle = new Array<string>(n);
  const deviceMs = new Array<number>(n);
  const receivedMs = new Array<number>(n);
  const lat = new Array<number>(n);
  const lon = new Array<number>(n);
  const speed = new Array<number>(n);
  const heading = new Array<number>(n);
  const altitude = new Array<number>(n);
  const alarm = new Array<number>(n);
  const status = new Array<number>(n);
  const mileage = new Array<number | string>(n);
  const blind = new Array<string>(n);
  const extras = new Array<string>(n);
  const isLatest = new Array<string>(n);
  let newest = -1;
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const device = r.deviceTime.getTime();
    const received = r.receivedAt.getTime();
    vehicle[i] = r.vehicleId;
    deviceMs[i] = device;
    receivedMs[i] = received;
    lat[i] = r.lat;
    lon[i] = r.lon;
    speed[i] = r.speedKmh;
    heading[i] = r.heading;
    altitude[i] = r.altitudeM;
    alarm[i] = toSigned32(r.alarmBits);
    status[i] = toSigned32(r.statusBits);
    mileage[i] = r.mileageKm ?? 'NULL';
    blind[i] = r.blindArea ? 't' : 'f';
    extras[i] = r.extras ? quoted(JSON.stringify(r.extras)) : 'NULL';
    isLatest[i] = 'f';
    if (i > 0 && rows[i - 1]!.vehicleId !== r.vehicleId && newest >= 0) {
      isLatest[newest] = 't';
      newest = -1;
    }
    // A broken clock (far ahead) or no fix yet (0, 0) never moves the live map.
    if (device <= received + FUTURE_TOLERANCE_MS && (r.lat !== 0 || r.lon !== 0)) newest = i;
  }
  if (newest >= 0) isLatest[newest] = 't';
  return {
    vehicle: literal(vehicle),
    deviceMs: literal(deviceMs),
    receivedMs: literal(receivedMs),
    lat: literal(lat),
    lon: literal(lon),
    speed: literal(speed),
    heading: literal(heading),
    altitude: literal(altitude),
    alarm: literal(alarm),
    status: literal(status),
    mileage: literal(mileage),
    blind: literal(blind),
    extras: literal(extras),
    isLatest: literal(isLatest),
  };
}
