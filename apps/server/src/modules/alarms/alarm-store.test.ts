import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { engines } from '../../test-support/databases.js';
import { verifyEventChain } from '../events/event-log.js';
import { alarmWorld, signal } from './alarm-fixture.js';
import { AlarmStore } from './alarm-store.js';

describe.each(engines)('alarm store on $name', (engine) => {
  let database: Database;
  let w: Awaited<ReturnType<typeof alarmWorld>>;
  let store: AlarmStore;
  const published: { id: string; plate: string; ended: boolean }[][] = [];
  const events = async (type?: string) => {
    let q = database.db
      .selectFrom('events')
      .select(['type', 'payload', 'entity_id'])
      .where('entity_type', '=', 'alarm');
    if (type) q = q.where('type', '=', type);
    return q.orderBy('id').execute();
  };
  const rows = () => database.db.selectFrom('alarms').selectAll().orderBy('started_at').execute();

  beforeAll(async () => {
    database = await engine.open();
    w = await alarmWorld(database);
    store = new AlarmStore(
      database.db,
      () => new Date('2026-12-20T02:10:00Z'),
      (changed) => published.push(changed.map((r) => ({ id: r.id, plate: r.plate, ended: r.ended_at !== null }))),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('makes one row of an episode, with raised and ended events, and changes nothing on replay', async () => {
    const v = w.vehicles[0]!;
    const batch = [
      signal(v, { startS: 0 }),
      signal(v, { kind: 'update', startS: 0, lastS: 20, details: { maxSpeedKmh: 97, limitKmh: 80 } }),
      signal(v, {
        kind: 'close',
        startS: 0,
        lastS: 30,
        endedAt: Date.parse('2026-12-20T02:00:30Z'),
        details: { maxSpeedKmh: 97, limitKmh: 80, durationS: 30 },
      }),
    ];
    expect(await store.apply(batch)).toMatchObject({ inserted: 1, updated: 0, ended: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({
      vehicle_id: v.id,
      organisation_id: v.organisation_id,
      type: 'overspeed',
      severity: 'warning',
      status: 'open',
      started_at: new Date('2026-12-20T02:00:00Z'),
      last_at: new Date('2026-12-20T02:00:30Z'),
      ended_at: new Date('2026-12-20T02:00:30Z'),
      details: { maxSpeedKmh: 97, limitKmh: 80, durationS: 30 },
      raised_at: new Date('2026-12-20T02:10:00Z'),
    });
    expect((await events()).map((e) => e.type)).toEqual(['alarm.raised', 'alarm.ended']);
    expect((await events('alarm.raised'))[0]!.payload).toEqual({
      vehicleId: v.id,
      plate: v.plate,
      type: 'overspeed',
      subtype: null,
      severity: 'warning',
    });
    expect(published).toEqual([[{ id: row!.id, plate: v.plate, ended: true }]]);

    // The same signals again, whole or one by one: no new row, no new event, nothing published.
    expect(await store.apply(batch)).toMatchObject({ inserted: 0, updated: 0, ended: 0, unchanged: 1 });
    for (const s of batch) await store.apply([s]);
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toEqual(row);
    expect(await events()).toHaveLength(2);
    expect(published).toHaveLength(1);
  });

  it('folds repeated opens into one episode, raises severity with an event, and keeps separate episodes apart', async () => {
    const v = w.vehicles[1]!;
    const open = signal(v, { startS: 600 });
    await store.apply([open, open, { ...open }]);
    await store.apply([
      signal(v, {
        kind: 'update',
        startS: 600,
        lastS: 640,
        severity: 'serious',
        details: { maxSpeedKmh: 101, limitKmh: 80 },
      }),
    ]);
    // An older update arriving late changes nothing: the newest evidence stays.
    expect(
      await store.apply([
        signal(v, { kind: 'update', startS: 600, lastS: 620, details: { maxSpeedKmh: 95, limitKmh: 80 } }),
      ]),
    ).toMatchObject({ unchanged: 1 });
    // Another episode of the same vehicle and type, and one of another type, are rows of their own.
    await store.apply([
      signal(v, { startS: 900 }),
      signal(v, { type: 'parking', startS: 600, severity: 'info', details: { durationS: 1800 } }),
    ]);
    const mine = (await rows()).filter((r) => r.vehicle_id === v.id);
    expect(mine.map((r) => [r.type, r.severity, r.last_at.toISOString()])).toEqual([
      ['overspeed', 'serious', '2026-12-20T02:10:40.000Z'],
      ['parking', 'info', '2026-12-20T02:10:00.000Z'],
      ['overspeed', 'warning', '2026-12-20T02:15:00.000Z'],
    ]);
    expect(mine[0]!.details).toEqual({ maxSpeedKmh: 101, limitKmh: 80 });
    const raised = await events('alarm.severity_raised');
    expect(raised.map((e) => e.payload)).toEqual([
      { vehicleId: v.id, plate: v.plate, type: 'overspeed', from: 'warning', to: 'serious' },
    ]);
    expect(
      (await events('alarm.raised')).filter((e) => (e.payload as { vehicleId: string }).vehicleId === v.id),
    ).toHaveLength(3);
  });

  it('stores a close whose open it never saw (after a restart), and keeps a known end', async () => {
    const v = w.vehicles[2]!;
    const end = Date.parse('2026-12-20T03:00:00Z');
    await store.apply([signal(v, { kind: 'close', type: 'offline', startS: 1200, lastS: 3000, endedAt: end })]);
    await store.apply([signal(v, { kind: 'update', type: 'offline', startS: 1200, lastS: 3000 })]);
    const row = (await rows()).find((r) => r.vehicle_id === v.id)!;
    expect(row.ended_at).toEqual(new Date(end));
    expect((await events()).filter((e) => e.entity_id === row.id).map((e) => e.type)).toEqual([
      'alarm.raised',
      'alarm.ended',
    ]);
    expect((await verifyEventChain(database.db)).ok).toBe(true);
  });
});
