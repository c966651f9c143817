import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { PositionRecord } from '../../gateway/position-record.js';
import { engines } from '../../test-support/databases.js';
import { ensurePositionPartitions } from '../vehicles/position-partitions.js';
import { insertPositions } from '../vehicles/positions.repository.js';
import { vehicleDayStats, type VehicleDayStats } from './monitoring-metrics.repository.js';
import { defaultMonitoringThresholds } from './monitoring-thresholds.js';
import { dayRange } from './report-day.js';
import { exactVehicleDays } from './vehicle-day-exact.js';

/**
 * The rollup kept at ingest (vehicle_day_stats) against the exact figures computed from positions: whatever order
 * and batching the fixes arrive in, the report must read exactly what the definitions give.
 */
const DAY1 = '2026-12-10';
const DAY2 = '2026-12-11';
const defaults = defaultMonitoringThresholds();

/**
 * A vehicle's evening and night across midnight (+08:00): a fix every 15–45 s, with gaps over 5 minutes, fixes
 * without position, too fast, bad heading and a clock far ahead (all invalid), and drift spikes (two jumps each).
 */
function track(vehicleId: string, seed: number): PositionRecord[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const out: PositionRecord[] = [];
  let t = Date.parse(`${DAY1}T22:30:00+08:00`);
  const end = Date.parse(`${DAY2}T01:30:00+08:00`);
  let lat = 30.6;
  let lon = 121.0;
  for (let k = 0; t < end; k++) {
    t += 1000 * (rnd() < 0.04 ? 400 + Math.floor(rnd() * 600) : 15 + Math.floor(rnd() * 30));
    lat += (rnd() - 0.3) * 0.002;
    lon += (rnd() - 0.3) * 0.002;
    const r = rnd();
    const spike = r < 0.03;
    out.push({
      vehicleId,
      deviceTime: new Date(t),
      receivedAt: new Date(t + (r > 0.97 ? -20 * 60_000 : 2000)),
      lat: r >= 0.03 && r < 0.06 ? 0 : spike ? lat + 0.3 : lat,
      lon: r >= 0.03 && r < 0.06 ? 0 : lon,
      speedKmh: r >= 0.06 && r < 0.08 ? 170 : 40,
      heading: r >= 0.08 && r < 0.1 ? 360 : k % 360,
      altitudeM: 5,
      alarmBits: 0,
      statusBits: r >= 0.03 && r < 0.06 ? 1 : 3,
      mileageKm: null,
      blindArea: false,
      extras: null,
    });
  }
  return out;
}

interface RollupRow {
  positions: number;
  valid_positions: number;
  online_seconds: number;
  jumps: number;
  distance_m: number;
  continuous_m: number;
  first_at: Date | null;
  last_at: Date | null;
  dirty: boolean;
}

describe.each(engines)('vehicle-day rollup on $name', (engine) => {
  let database: Database;
  let org: string;
  let plate = 0;

  beforeAll(async () => {
    database = await engine.open();
    await ensurePositionPartitions(database.db, new Date(`${DAY1}T00:00:00Z`));
    org = (
      await database.db
        .insertInto('organisations')
        .values({ kind: 'enterprise', name: '测试运输公司' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => database?.close());

  const newVehicle = async () =>
    (
      await database.db
        .insertInto('vehicles')
        .values({
          plate: `浙F·R${String(++plate).padStart(4, '0')}`,
          plate_colour: 2,
          organisation_id: org,
          vehicle_class: 'tanker',
          terminal_phone: `0${13_900_000_000 + plate}`,
          created_at: new Date('2026-12-01T00:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const stored = async (vehicleId: string, day: string) =>
    (
      await sql<RollupRow>`select positions, valid_positions, online_seconds, jumps, distance_m, continuous_m,
        first_at, last_at, dirty from vehicle_day_stats where vehicle_id = ${vehicleId} and day = ${day}::date`.execute(
        database.db,
      )
    ).rows[0];

  const exact = async (vehicleId: string, day: string, t = defaults) => {
    const [row] = await exactVehicleDays(database.db, [vehicleId], { day, ...dayRange(day) }, t);
    return row!;
  };

  /** Counts equal; metres and seconds equal up to float summation order (the exact pass sums in another order). */
  const expectFigures = (got: RollupRow | VehicleDayStats, want: VehicleDayStats) => {
    expect(got.positions).toBe(want.positions);
    expect(got.valid_positions).toBe(want.valid_positions);
    expect('jumps' in got ? got.jumps : got.drift_points).toBe(want.drift_points);
    expect(got.online_seconds).toBeCloseTo(want.online_seconds, 6);
    expect(got.distance_m).toBeCloseTo(want.distance_m, 6);
    expect(got.continuous_m).toBeCloseTo(want.continuous_m, 6);
    expect(got.first_at?.getTime()).toBe(want.first_at?.getTime());
    expect(got.last_at?.getTime()).toBe(want.last_at?.getTime());
  };

  /** The stored row is clean and equals the exact figures (read first: the exact pass stores its own result). */
  const expectRollupExact = async (vehicleId: string, day: string) => {
    const row = await stored(vehicleId, day);
    expect(row, `rollup row of ${day}`).toBeDefined();
    expect(row!.dirty).toBe(false);
    expectFigures(row!, await exact(vehicleId, day));
  };

  const reportRow = async (vehicleId: string, day: string, t = defaults) =>
    (await vehicleDayStats(database.db, dayRange(day), t)).find((r) => r.vehicle_id === vehicleId)!;

  it('equals the exact figures for fixes in order, in mixed batches, with re-sends, split at midnight +08:00', async () => {
    const a = await newVehicle();
    const b = await newVehicle();
    const all = [...track(a, 7), ...track(b, 11)].sort((x, y) => x.deviceTime.getTime() - y.deviceTime.getTime());
    // Batches of 1 to 60 rows of both vehicles; every batch re-sends a few rows of the one before, one batch twice.
    let previous: PositionRecord[] = [];
    for (let i = 0, n = 1; i < all.length; i += n, n = 1 + ((n * 17) % 60)) {
      const batch = all.slice(i, i + n);
      const { inserted } = await insertPositions(database.db, [...previous.slice(-3), ...batch]);
      expect(inserted).toBe(batch.length);
      if (i === 0) expect((await insertPositions(database.db, batch)).inserted).toBe(0);
      previous = batch;
    }
    for (const v of [a, b]) {
      const day1 = await exact(v, DAY1);
      expect(day1.positions).toBeGreaterThan(100);
      expect(day1.drift_points).toBeGreaterThan(0);
      expect(day1.valid_positions).toBeLessThan(day1.positions);
      expect(day1.continuous_m).toBeLessThan(day1.distance_m);
      // The step across midnight belongs to neither day: the second day starts its windows afresh.
      expect((await exact(v, DAY2)).first_at!.getTime()).toBeGreaterThanOrEqual(dayRange(DAY2).from.getTime());
      for (const day of [DAY1, DAY2]) await expectRollupExact(v, day);
    }
  });

  it('marks a back-filled vehicle-day dirty; the report recomputes it exactly, and ingest goes on from there', async () => {
    const v = await newVehicle();
    const fixes = track(v, 23).filter((f) => f.deviceTime < dayRange(DAY2).from);
    const third = Math.floor(fixes.length / 3);
    const blind = fixes.slice(third, 2 * third);
    // The blind-area stretch is held back (0x0704 type 1) and sent after later fixes.
    await insertPositions(database.db, fixes.slice(0, third));
    await insertPositions(database.db, fixes.slice(2 * third, 2 * third + 20));
    await expectRollupExact(v, DAY1);
    for (let i = 0; i < blind.length; i += 25) await insertPositions(database.db, blind.slice(i, i + 25));
    expect((await stored(v, DAY1))!.dirty).toBe(true);
    // Still dirty after more in-order fixes: nothing is added to figures that are already wrong.
    await insertPositions(database.db, fixes.slice(2 * third + 20, 2 * third + 40));
    expect((await stored(v, DAY1))!.dirty).toBe(true);

    const want = await exactVehicleDaysNoStore(v, DAY1);
    expectFigures(await reportRow(v, DAY1), want);
    await expectRollupExact(v, DAY1);
    // After the recompute, in-order fixes are added to it again.
    await insertPositions(database.db, fixes.slice(2 * third + 40));
    await expectRollupExact(v, DAY1);
  });

  it('counts positions stored before the rollup existed: the first ingest of such a day marks it dirty', async () => {
    const v = await newVehicle();
    const fixes = track(v, 31).filter((f) => f.deviceTime < dayRange(DAY2).from);
    const half = Math.floor(fixes.length / 2);
    // Written around the ingest path (as positions from before this migration were).
    await sql`insert into positions (vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, altitude_m,
      alarm_bits, status_bits)
      select ${v}::uuid, d, r, la, lo, 40, 0, 5, 0, 3
      from unnest(${fixes.slice(0, half).map((f) => f.deviceTime.toISOString())}::timestamptz[],
        ${fixes.slice(0, half).map((f) => f.receivedAt.toISOString())}::timestamptz[],
        ${fixes.slice(0, half).map((f) => f.lat)}::float8[], ${fixes.slice(0, half).map((f) => f.lon)}::float8[])
        as x(d, r, la, lo)`.execute(database.db);
    await insertPositions(database.db, fixes.slice(half));
    expect((await stored(v, DAY1))!.dirty).toBe(true);
    expectFigures(await reportRow(v, DAY1), await exactVehicleDaysNoStore(v, DAY1));
    await expectRollupExact(v, DAY1);
  });

  it('recomputes a vehicle-day made with other thresholds, and ingest with stale thresholds marks it dirty', async () => {
    const v = await newVehicle();
    const fixes = track(v, 47).filter((f) => f.deviceTime < dayRange(DAY2).from);
    await insertPositions(database.db, fixes.slice(0, 40));
    const changed = { ...defaults, gapSeconds: 30, driftSpeedKmh: 120, maxSpeedKmh: 100 };
    const before = await stored(v, DAY1);
    const row = await reportRow(v, DAY1, changed);
    expectFigures(row, await exactVehicleDaysNoStore(v, DAY1, changed));
    expect(row.continuous_m).toBeLessThan(before!.continuous_m);
    // The row now holds the changed thresholds' figures; a batch folded with the defaults cannot add to them.
    await insertPositions(database.db, fixes.slice(40, 50));
    expect((await stored(v, DAY1))!.dirty).toBe(true);
    await insertPositions(database.db, fixes.slice(50), changed);
    expectFigures(await reportRow(v, DAY1, changed), await exactVehicleDaysNoStore(v, DAY1, changed));
    // Back to the defaults: recomputed once, then kept at ingest.
    expectFigures(await reportRow(v, DAY1), await exactVehicleDaysNoStore(v, DAY1));
    await expectRollupExact(v, DAY1);
  });

  it('reports a vehicle without positions as zeros and keeps that day clean for its first fix', async () => {
    const v = await newVehicle();
    const row = await reportRow(v, DAY1);
    expect(row).toMatchObject({ positions: 0, valid_positions: 0, drift_points: 0, distance_m: 0, connected: false });
    expect((await stored(v, DAY1))!.dirty).toBe(false);
    await insertPositions(database.db, track(v, 53).slice(0, 50));
    await expectRollupExact(v, DAY1);
  });

  /** The exact figures inside a rolled-back transaction, so that the stored rollup is left as it is. */
  async function exactVehicleDaysNoStore(vehicleId: string, day: string, t = defaults): Promise<VehicleDayStats> {
    let row: VehicleDayStats | undefined;
    await database.db
      .transaction()
      .execute(async (trx) => {
        [row] = await exactVehicleDays(trx, [vehicleId], { day, ...dayRange(day) }, t);
        throw new Rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Rollback)) throw err;
      });
    return row!;
  }
});

class Rollback extends Error {}
