import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { seedOrganisation, seedUser } from '../../test-support/app.js';
import { TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { appendEvents, type NewEvent } from '../events/event-log.js';
import { CURSOR, NotificationDispatcher, setCursor } from './dispatcher.js';

describe.each(engines)('the notification dispatcher on $name', (engine) => {
  let database: Database;
  const clock = new TestClock();
  let orgA: string;
  let orgB: string;
  const EVENTS = 30;

  const counts = async () => {
    const n = await database.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const d = await database.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const c = await database.db.selectFrom('notification_cursors').select('last_event_id').where('name', '=', CURSOR).executeTakeFirstOrThrow();
    return { items: Number(n.n), deliveries: Number(d.n), cursor: Number(c.last_event_id) };
  };
  const lastEventId = async () => Number((await database.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id);

  beforeAll(async () => {
    database = await engine.open();
    orgA = (await seedOrganisation(database, { kind: 'enterprise', name: '三江化工有限公司' })).id;
    orgB = (await seedOrganisation(database, { kind: 'enterprise', name: '港通化工物流有限公司' })).id;
    await seedUser(database, 'leader', 'leader');
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'ent-a', 'enterprise', orgA);
    await seedUser(database, 'ent-b', 'enterprise', orgB);
    await database.db
      .insertInto('webhook_endpoints')
      .values({ url: 'http://127.0.0.1:9/hook', secret: 'whsec_0123456789abcdef', event_types: ['alarm.*'], organisation_id: orgA, created_at: clock.now(), updated_at: clock.now() })
      .execute();
    // The dispatcher starts after the set-up: the batches below hold alarm events only.
    await setCursor(database.db, await lastEventId());
    // 30 alarm events, alternating organisations, a third of them critical (pushed to leader, monitor and owner).
    const events: NewEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
      entityType: 'alarm',
      entityId: randomUUID(),
      type: 'alarm.raised',
      organisationId: i % 2 ? orgB : orgA,
      actorId: null,
      at: clock.now(),
      payload: { severity: i % 3 === 0 ? 'critical' : 'warning', plate: `浙F${String(i).padStart(5, '0')}` },
    }));
    await database.db.transaction().execute((trx) => appendEvents(trx, events));
  });
  afterAll(() => database?.close());

  // Per event: the owner and the monitor; critical ones also the leader. Webhook: orgA's 15.
  const expectedItems = Array.from({ length: EVENTS }, (_, i) => (i % 3 === 0 ? 3 : 2)).reduce((a, b) => a + b, 0);

  it('loses nothing and doubles nothing when a batch fails midway', async () => {
    let failures = 0;
    const crashing = new NotificationDispatcher(database.db, {
      now: clock.now,
      batchSize: 10,
      beforeCommit: () => {
        // The second batch dies after writing its items, before its cursor moves.
        if (++failures === 2) throw new Error('process killed mid-batch');
      },
    });
    await expect(crashing.drain()).rejects.toThrow('process killed mid-batch');
    const afterCrash = await counts();
    const firstTen = Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? 3 : 2)).reduce((a, b) => a + b, 0);
    expect(afterCrash.items).toBe(firstTen);
    expect(afterCrash.deliveries).toBe(5);

    const restarted = new NotificationDispatcher(database.db, { now: clock.now, batchSize: 10 });
    const resumed = await restarted.drain();
    expect(resumed.events).toBe(await lastEventId() - afterCrash.cursor);
    expect(await counts()).toEqual({ items: expectedItems, deliveries: EVENTS / 2, cursor: await lastEventId() });
  });

  it('is idempotent when run again, even from the start of the log, and under concurrent dispatchers', async () => {
    await setCursor(database.db, 0);
    const a = new NotificationDispatcher(database.db, { now: clock.now, batchSize: 7 });
    const b = new NotificationDispatcher(database.db, { now: clock.now, batchSize: 7 });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra.items + rb.items).toBe(0);
    expect(await counts()).toEqual({ items: expectedItems, deliveries: EVENTS / 2, cursor: await lastEventId() });
    const dupes = await database.db
      .selectFrom('notifications')
      .select(['user_id', 'event_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['user_id', 'event_id'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(dupes).toEqual([]);
    expect((await a.drain()).events).toBe(0);
  });
});
