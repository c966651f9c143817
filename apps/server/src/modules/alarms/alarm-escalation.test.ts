import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { appendEvent, verifyEventChain } from '../events/event-log.js';
import { FilesService } from '../files/files.service.js';
import { MemoryStorage } from '../files/storage.js';
import { HazardsService } from '../hazards/hazards.service.js';
import { defaultAlarmConfig, type AlarmConfig } from './alarm-config.js';
import { AlarmEscalation } from './alarm-escalation.js';
import { alarmWorld, signal } from './alarm-fixture.js';
import { AlarmStore } from './alarm-store.js';

describe.each(engines)('alarm escalation and hazards on $name', (engine) => {
  let database: Database;
  let w: Awaited<ReturnType<typeof alarmWorld>>;
  let store: AlarmStore;
  let escalation: AlarmEscalation;
  const clock = new TestClock(new Date('2026-12-20T02:00:00Z'));
  let config: AlarmConfig = defaultAlarmConfig;
  const minutes = (m: number) => (clock.t = new Date(clock.t.getTime() + m * 60_000));
  const alarm = (id: string) =>
    database.db.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const idsOf = async (vehicleId: string) =>
    (
      await database.db
        .selectFrom('alarms')
        .select('id')
        .where('vehicle_id', '=', vehicleId)
        .orderBy('started_at')
        .execute()
    ).map((r) => r.id);
  const hazards = () => database.db.selectFrom('hazards').selectAll().orderBy('code').execute();

  beforeAll(async () => {
    database = await engine.open();
    w = await alarmWorld(database);
    store = new AlarmStore(database.db, clock.now);
    const files = new FilesService(database.db, new MemoryStorage(), 1_000_000);
    escalation = new AlarmEscalation(
      database.db,
      new HazardsService(database.db, files, { majorAcceptanceDays: 10 }, clock.now),
      { get: () => config },
      clock.now,
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('escalates alarms left unhandled past their severity’s time, once', async () => {
    const [v1, v2] = w.vehicles;
    await store.apply([
      signal(v1!, { severity: 'serious', startS: 0 }),
      signal(v2!, { severity: 'warning', startS: 0 }),
      signal(v2!, { type: 'silent', severity: 'info', startS: 0 }),
    ]);
    minutes(14);
    expect(await escalation.run()).toEqual({ escalated: 0, hazards: [] });
    minutes(2);
    expect((await escalation.run())?.escalated).toBe(1);
    expect((await escalation.run())?.escalated).toBe(0);
    const [serious] = await idsOf(v1!.id);
    expect((await alarm(serious!)).escalated_at).toEqual(clock.now());
    // Handled in time: never escalated; the warning goes after 60 min, the info alarm never.
    const [warning, info] = await idsOf(v2!.id);
    await database.db.updateTable('alarms').set({ status: 'handled' }).where('id', '=', info!).execute();
    minutes(45);
    expect((await escalation.run())?.escalated).toBe(1);
    expect((await alarm(warning!)).escalated_at).not.toBeNull();
    const events = await database.db
      .selectFrom('events')
      .select(['entity_id', 'payload'])
      .where('type', '=', 'alarm.escalated')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual([serious, warning]);
    expect(events[0]!.payload).toMatchObject({
      severity: 'serious',
      afterMinutes: 15,
      unhandledMinutes: 16,
      plate: v1!.plate,
    });
  });

  it('makes a critical alarm a major hazard against the carrier, once, linked both ways', async () => {
    const v3 = w.vehicles[2]!;
    await store.apply([signal(v3, { type: 'restricted_zone', subtype: 'school', severity: 'critical', startS: 7200 })]);
    const run = await escalation.run();
    expect(run?.hazards).toHaveLength(1);
    const [id] = await idsOf(v3.id);
    const [h] = await hazards();
    expect(h).toMatchObject({
      source: 'vehicle_alarm',
      level: 'major',
      risk_colour: 'red',
      status: 'found',
      subject_type: 'hazmat_carrier',
      organisation_id: v3.organisation_id,
      found_by: null,
      category: '车辆动态监控',
    });
    expect(h!.description).toContain(v3.plate);
    expect(h!.description).toContain('驶入禁行区域(school)');
    expect((await alarm(id!)).hazard_id).toBe(h!.id);
    const subject = await database.db
      .selectFrom('subjects')
      .selectAll()
      .where('id', '=', h!.subject_id)
      .executeTakeFirstOrThrow();
    expect(subject).toMatchObject({
      type: 'hazmat_carrier',
      organisation_id: v3.organisation_id,
      name: '嘉港危货运输有限公司(演示)',
    });
    const linked = await database.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('entity_id', '=', h!.id)
      .orderBy('id')
      .execute();
    expect(linked.map((e) => e.type)).toEqual(['hazard.found', 'hazard.alarms_linked']);
    expect(linked[1]!.payload).toMatchObject({ rule: 'critical', alarmIds: [id] });
    // Not twice: another run finds nothing new.
    expect((await escalation.run())?.hazards).toEqual([]);
    expect(await hazards()).toHaveLength(1);
  });

  it('turns the third serious alarm of a vehicle in 7 days into one hazard on the same carrier subject', async () => {
    const v3 = w.vehicles[2]!;
    const day = 86_400;
    await store.apply([signal(v3, { type: 'fatigue', severity: 'serious', startS: 8 * 3600 })]);
    await store.apply([signal(v3, { type: 'fatigue', severity: 'serious', startS: day })]);
    expect((await escalation.run())?.hazards).toEqual([]);
    // A third, but the first was a false alarm: still two real ones.
    await store.apply([signal(v3, { type: 'overspeed', severity: 'serious', startS: 2 * day })]);
    const [, first] = await idsOf(v3.id);
    await database.db.transaction().execute((trx) =>
      appendEvent(trx, {
        entityType: 'alarm',
        entityId: first!,
        type: 'alarm.handled',
        actorId: null,
        payload: { measure: 'false_alarm', note: '误报' },
      }),
    );
    expect((await escalation.run())?.hazards).toEqual([]);
    await store.apply([signal(v3, { type: 'overspeed', severity: 'serious', startS: 3 * day })]);
    const run = await escalation.run();
    expect(run?.hazards.map((h) => [h.rule, h.alarmIds.length])).toEqual([['repeated_serious', 3]]);
    const all = await hazards();
    expect(all).toHaveLength(2);
    expect(new Set(all.map((h) => h.subject_id)).size).toBe(1);
    expect(all[1]).toMatchObject({ level: 'general', risk_colour: 'orange' });
    expect(all[1]!.description).toMatch(/近7日内发生3起严重及以上报警\((疲劳驾驶|超速)×\d、(疲劳驾驶|超速)×\d\)/);
    expect((await escalation.run())?.hazards).toEqual([]);
  });

  it('holds a carrier to account for alarms not handled in time, and checks the event chain', async () => {
    config = {
      ...defaultAlarmConfig,
      hazards: { ...defaultAlarmConfig.hazards, carrierUnhandled: { enabled: true, count: 2, days: 30 } },
    };
    // Vehicles 1 and 2 belong to different carriers: one escalated alarm each, below the count of 2.
    expect((await escalation.run())?.hazards).toEqual([]);
    await store.apply([signal(w.vehicles[1]!, { type: 'parking', severity: 'warning', startS: 4 * 86_400 })]);
    minutes(61);
    const run = await escalation.run();
    expect(run?.hazards.map((h) => [h.rule, h.alarmIds.length])).toEqual([['carrier_unhandled', 2]]);
    const h = (await hazards()).at(-1)!;
    expect(h).toMatchObject({
      organisation_id: w.vehicles[1]!.organisation_id,
      level: 'general',
      risk_colour: 'yellow',
    });
    expect(h.description).toContain('2起车辆报警未在规定时限内处置');
    expect((await verifyEventChain(database.db)).ok).toBe(true);
  });
});
