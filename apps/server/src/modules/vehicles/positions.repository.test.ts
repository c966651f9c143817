import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { PositionRecord } from '../../gateway/position-record.js';
import { seedTestFleet } from '../../gateway/test-gateway.js';
import { engines } from '../../test-support/databases.js';
import { insertPositions } from './positions.repository.js';

const base = Date.UTC(2026, 11, 3, 4, 0, 0);
const row = (vehicleId: string, k: number, over: Partial<PositionRecord> = {}): PositionRecord => ({
  vehicleId,
  deviceTime: new Date(base + k * 1000),
  receivedAt: new Date(base + k * 1000 + 987),
  // Not a short decimal: the double must come back bit for bit.
  lat: 30.6 + k / 1000,
  lon: 121.1,
  speedKmh: 61.5,
  heading: 359,
  altitudeM: -12,
  alarmBits: 0xffff_ffff,
  statusBits: 0x8000_0003,
  mileageKm: k % 2 ? 1234.5 : null,
  blindArea: k < 0,
  extras: k % 2 ? { satellites: 14, note: 'quote " backslash \\ brace } comma ,', 中文: '沪A' } : null,
  ...over,
});

describe.each(engines)('insertPositions on $name', (engine) => {
  let database: Database;
  let vehicles: string[];
  const stored = (vehicleId: string) =>
    database.db
      .selectFrom('positions')
      .selectAll()
      .where('vehicle_id', '=', vehicleId)
      .orderBy('device_time')
      .execute();
  const latest = (vehicleId: string) =>
    database.db
      .selectFrom('latest_positions')
      .select(['device_time', 'lat'])
      .where('vehicle_id', '=', vehicleId)
      .executeTakeFirst();

  beforeAll(async () => {
    database = await engine.open();
    await seedTestFleet(database, 2);
    vehicles = (await database.db.selectFrom('vehicles').select('id').orderBy('id').execute()).map((v) => v.id);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores every field exactly: millisecond times, signed DWORDs read back unsigned, nulls and awkward JSON', async () => {
    const [a, b] = vehicles as [string, string];
    const rows = [row(b, 1), row(a, 2), row(a, 1), row(b, 2)];
    expect(await insertPositions(database.db, rows)).toEqual({ inserted: 4 });
    const got = await stored(a);
    expect(got.map((r) => r.device_time)).toEqual([new Date(base + 1000), new Date(base + 2000)]);
    expect(got[0]).toMatchObject({
      received_at: new Date(base + 1987),
      lat: rows[2]!.lat,
      lon: 121.1,
      speed_kmh: 61.5,
      heading: 359,
      altitude_m: -12,
      mileage_km: 1234.5,
      blind_area: false,
      extras: rows[2]!.extras,
    });
    expect(got[0]!.alarm_bits >>> 0).toBe(0xffff_ffff);
    expect(got[0]!.status_bits >>> 0).toBe(0x8000_0003);
    expect(got[1]).toMatchObject({ mileage_km: null, extras: null });
    expect(await latest(a)).toEqual({ device_time: new Date(base + 2000), lat: rows[1]!.lat });
    expect(await latest(b)).toEqual({ device_time: new Date(base + 2000), lat: rows[3]!.lat });
  });

  it('counts a resend as no new row, and never moves the latest position back for a back-fill', async () => {
    const a = vehicles[0]!;
    const backfill = [row(a, -3), row(a, -2), row(a, 2)];
    expect(await insertPositions(database.db, backfill)).toEqual({ inserted: 2 });
    expect(await insertPositions(database.db, backfill)).toEqual({ inserted: 0 });
    expect((await stored(a)).filter((r) => r.blind_area)).toHaveLength(2);
    expect(await latest(a)).toEqual({ device_time: new Date(base + 2000), lat: row(a, 2).lat });
  });

});

// PostgreSQL only (PGlite has no named statements through its API): the batch statement is planned once per connection.
for (const engine of engines.filter((e) => e.name === 'postgresql')) {
  describe('insertPositions on postgresql, prepared', () => {
    let database: Database;
    beforeAll(async () => {
      database = await engine.open();
      await seedTestFleet(database, 1);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('runs the batch statement as a named prepared statement, prepared once per connection', async () => {
      const { id } = await database.db.selectFrom('vehicles').select('id').executeTakeFirstOrThrow();
      await database.db.connection().execute(async (conn) => {
        const prepared = () =>
          sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like '/* prepared */%'`
            .execute(conn)
            .then((r) => r.rows[0]!.n);
        expect(await prepared()).toBe(0);
        expect(await insertPositions(conn, [row(id, 1)])).toEqual({ inserted: 1 });
        expect(await insertPositions(conn, [row(id, 2), row(id, 3)])).toEqual({ inserted: 2 });
        expect(await insertPositions(conn, [row(id, 3)])).toEqual({ inserted: 0 });
        expect(await prepared()).toBe(1);
      });
      const rows = await database.db.selectFrom('positions').select('device_time').where('vehicle_id', '=', id).execute();
      expect(rows).toHaveLength(3);
    });
  });
}
