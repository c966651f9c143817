import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { seedUser } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { appendEvent } from '../events/event-log.js';
import { pruneNotifications } from './retention.js';

const NOW = new Date('2026-12-03T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe.each(engines)('notification retention on $name', (engine) => {
  let database: Database;
  let userId: string;

  beforeAll(async () => {
    database = await engine.open();
    userId = (await seedUser(database, 'monitor', 'monitor')).id;
    const db = database.db;
    // One endpoint per delivery outcome: an endpoint gets one delivery per event.
    const endpoints = new Map<string, string>();
    for (const status of ['succeeded', 'failed', 'pending']) {
      const e = await db
        .insertInto('webhook_endpoints')
        .values({ url: `http://127.0.0.1:9/${status}`, secret: 'whsec_0123456789abcdef', event_types: ['*'], organisation_id: null, created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      endpoints.set(status, e.id);
    }
    for (const [age, status] of [[200, 'read'], [181, 'unread'], [179, 'unread'], [3, 'read']] as const) {
      await db.transaction().execute((trx) =>
        appendEvent(trx, { entityType: 'alarm', entityId: crypto.randomUUID(), type: 'alarm.raised', organisationId: null, actorId: null, payload: {}, at: daysAgo(age) }),
      );
      const event = await db.selectFrom('events').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      await db
        .insertInto('notifications')
        .values({
          user_id: userId,
          kind: 'event',
          event_id: event.id,
          category: 'alarm',
          in_inbox: true,
          severity: 'warning',
          entity_type: 'alarm',
          entity_id: crypto.randomUUID(),
          title_zh: `报警 ${age}`,
          title_en: `alarm ${age}`,
          at: daysAgo(age),
          read_at: status === 'read' ? daysAgo(age) : null,
        })
        .execute();
      for (const delivery of ['succeeded', 'failed', 'pending'] as const) {
        await db
          .insertInto('webhook_deliveries')
          .values({ endpoint_id: endpoints.get(delivery)!, event_id: event.id, event_type: 'alarm.raised', body: '{}', status: delivery, created_at: daysAgo(age), updated_at: daysAgo(age) })
          .execute();
      }
    }
    for (const age of [190, 2]) {
      await db
        .insertInto('digests')
        .values({ user_id: userId, day: daysAgo(age).toISOString().slice(0, 10), period_end: daysAgo(age), title_zh: '日报', title_en: 'digest', counts: '{}', sections: '[]' })
        .execute();
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('deletes inbox items and digests after 180 days and finished deliveries after 30, keeping the rest and the event log', async () => {
    const db = database.db;
    const eventsBefore = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await pruneNotifications(db, NOW)).toEqual({ notifications: 2, digests: 1, deliveries: 6 });
    const titles = (await db.selectFrom('notifications').select('title_en').orderBy('at').execute()).map((r) => r.title_en);
    expect(titles).toEqual(['alarm 179', 'alarm 3']);
    expect((await db.selectFrom('digests').select('day').execute()).map((r) => String(r.day))).toHaveLength(1);
    const deliveries = await db.selectFrom('webhook_deliveries').select(['status', 'created_at']).execute();
    // The pending ones stay whatever their age (the sender still owes them); the finished ones of 3 days ago stay.
    expect(deliveries.filter((d) => d.status === 'pending')).toHaveLength(4);
    expect(deliveries.filter((d) => d.status !== 'pending').map((d) => d.created_at.getTime())).toEqual([daysAgo(3).getTime(), daysAgo(3).getTime()]);
    const eventsAfter = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(eventsAfter.n)).toBe(Number(eventsBefore.n));
    // Running again deletes nothing more.
    expect(await pruneNotifications(db, NOW)).toEqual({ notifications: 0, digests: 0, deliveries: 0 });
  });
});
