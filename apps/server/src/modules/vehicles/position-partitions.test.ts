import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { engines } from '../../test-support/databases.js';
import { dropExpiredPositions, ensurePositionPartitions, listPositionPartitions } from './position-partitions.js';

const VEHICLE = '00000000-0000-4000-8000-000000000001';

describe.each(engines)('positions partitions on $name', (engine) => {
  let database: Database;
  const insert = (iso: string) =>
    sql`insert into positions (vehicle_id, device_time, received_at, lat, lon, speed_kmh, heading, altitude_m, alarm_bits, status_bits)
        values (${VEHICLE}, ${new Date(iso)}, now(), 30.6, 121.1, 0, 0, 0, 0, 0) on conflict do nothing`.execute(
      database.db,
    );
  const whereIs = async (iso: string) =>
    (
      await sql<{
        t: string;
      }>`select tableoid::regclass::text as t from positions where device_time = ${new Date(iso)}`.execute(database.db)
    ).rows.map((r) => r.t);

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates monthly partitions ahead, moving early arrivals out of the default partition', async () => {
    expect(await ensurePositionPartitions(database.db, new Date('2026-11-28T12:00:00Z'))).toEqual([
      'positions_p202611',
      'positions_p202612',
      'positions_p202701',
    ]);
    expect(await ensurePositionPartitions(database.db, new Date('2026-11-29T12:00:00Z'))).toEqual([]);
    await insert('2026-11-20T00:00:00Z');
    await insert('2027-03-02T00:00:00Z');
    expect(await whereIs('2027-03-02T00:00:00Z')).toEqual(['positions_default']);
    await ensurePositionPartitions(database.db, new Date('2027-02-01T00:00:00Z'));
    expect(await whereIs('2027-03-02T00:00:00Z')).toEqual(['positions_p202703']);
    expect(await whereIs('2026-11-20T00:00:00Z')).toEqual(['positions_p202611']);
    // A re-sent position is a no-op in its partition too.
    await insert('2027-03-02T00:00:00Z');
    expect(await whereIs('2027-03-02T00:00:00Z')).toHaveLength(1);
  });

  it('drops whole months past the retention, never keeping fewer than 6', async () => {
    await insert('2025-01-05T00:00:00Z');
    expect(await whereIs('2025-01-05T00:00:00Z')).toEqual(['positions_default']);
    // Retention 3 is raised to the legal minimum of 6: on 2027-05-15 the cutoff is 2026-11-01, November stays.
    expect(await dropExpiredPositions(database.db, new Date('2027-05-15T00:00:00Z'), 3)).toEqual([]);
    expect(await whereIs('2025-01-05T00:00:00Z')).toEqual([]);
    expect(await dropExpiredPositions(database.db, new Date('2027-06-01T00:00:00Z'), 6)).toEqual(['positions_p202611']);
    expect(await whereIs('2026-11-20T00:00:00Z')).toEqual([]);
    expect(await listPositionPartitions(database.db)).toContain('positions_p202612');
  });
});
