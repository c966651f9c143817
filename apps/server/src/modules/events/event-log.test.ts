import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { engines } from '../../test-support/databases.js';
import { appendEvent, appendEvents, canonicalJson, GENESIS_HASH, verifyEventChain } from './event-log.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'é' }], c: undefined } })).toBe('{"a":{"d":[2,{"y":"é","z":1}]},"b":1}');
  });
});

describe.each(engines)('event log on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database?.close());

  it('chains every row to the one before and verifies', async () => {
    const { db } = database;
    await db.transaction().execute((trx) =>
      appendEvents(trx, [
        { entityType: 'hazard', entityId: 'h1', type: 'hazard.found', actorId: null, payload: { level: '重大', lat: 30.6, n: 1.5 } },
        { entityType: 'hazard', entityId: 'h1', type: 'hazard.notice_issued', actorId: null, payload: { deadline: '2026-12-31' } },
      ]),
    );
    await db.transaction().execute((trx) => appendEvent(trx, { entityType: 'hazard', entityId: 'h2', type: 'hazard.found', actorId: null }));
    const rows = await db.selectFrom('events').selectAll().orderBy('id').execute();
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(await verifyEventChain(db)).toEqual({ ok: true, checked: 3, firstBrokenId: null, reason: null });
  });

  it('keeps the chain linear under concurrent appenders', async () => {
    const { db } = database;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction().execute((trx) => appendEvent(trx, { entityType: 'test', entityId: String(i), type: 'test.concurrent', actorId: null })),
      ),
    );
    expect((await verifyEventChain(db, 4)).ok).toBe(true);
  });

  it('refuses updates and deletes', async () => {
    const { db } = database;
    await expect(sql`update events set type = 'forged' where id = (select min(id) from events)`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('loses nothing when the state change fails: event and change commit together', async () => {
    const { db } = database;
    const before = (await verifyEventChain(db)).checked;
    await expect(
      db.transaction().execute(async (trx) => {
        await appendEvent(trx, { entityType: 'test', entityId: 'x', type: 'test.rolled_back', actorId: null });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect((await verifyEventChain(db)).checked).toBe(before);
  });

  it('detects a row changed behind its back', async () => {
    const { db } = database;
    const target = await db.selectFrom('events').select('id').orderBy('id').offset(1).limit(1).executeTakeFirstOrThrow();
    await sql`alter table events disable trigger events_append_only`.execute(db);
    await sql`update events set payload = '{"deadline":"2027-06-30"}'::jsonb where id = ${target.id}`.execute(db);
    await sql`alter table events enable trigger events_append_only`.execute(db);
    const result = await verifyEventChain(db);
    expect(result).toMatchObject({ ok: false, firstBrokenId: target.id, checked: 1, reason: 'hash does not match the row contents' });
  });
});
