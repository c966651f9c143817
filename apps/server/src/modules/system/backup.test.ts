import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.js';
import { engines } from '../../test-support/databases.js';
import { seedDemo } from '../demo/demo-seed.js';
import { MemoryStorage } from '../files/storage.js';
import { appendEvent, verifyEventChain } from '../events/event-log.js';
import { backupTo, restoreFrom } from './backup.js';
import { seedOrganisation } from '../../test-support/app.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-backup-'));
const open: Database[] = [];
afterAll(async () => {
  await Promise.all(open.map((d) => d.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function snapshot(db: Db) {
  const organisations = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
  const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
  const events = await db.selectFrom('events').selectAll().orderBy('id').execute();
  const hazards = await db.selectFrom('hazards').selectAll().orderBy('code').execute();
  const answers = await db.selectFrom('inspection_answers').selectAll().orderBy('inspection_id').orderBy('item_id').execute();
  const notices = await db.selectFrom('notices').selectAll().orderBy('number').execute();
  return { organisations, users, events, hazards, answers, notices };
}

describe.each(engines)('backup from $name', (from) => {
  it.each(engines.map((to) => [to.name, to] as const))(`round-trips to %s with every row, id and hash intact`, async (_name, to) => {
    const { source, file, written } = await backedUp(from);
    const target = await to.open();
    open.push(target);
    const restored = await restoreFrom(target.db, file);
    expect(restored.rows).toBe(written.rows);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    expect((await verifyEventChain(target.db)).ok).toBe(true);

    // Identity columns continue after the restored ids.
    await target.db.transaction().execute((trx) => appendEvent(trx, { entityType: 'test', entityId: '2', type: 'test.after', actorId: null }));
    expect((await verifyEventChain(target.db)).ok).toBe(true);

    await expect(restoreFrom(target.db, file)).rejects.toThrow(/not empty/);
    await restoreFrom(target.db, file, { replace: true });
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  }, 180_000);
});

/** One seeded source database and its backup per engine, shared by the round-trips from it. */
const backups = new Map<string, Promise<{ source: Database; file: string; written: { rows: number } }>>();
function backedUp(from: (typeof engines)[number]) {
  if (!backups.has(from.name)) {
    backups.set(
      from.name,
      (async () => {
        const source = await from.open();
        open.push(source);
        await seedDemo(source.db, { storage: new MemoryStorage(), documentPrefix: '嘉港资规' });
        await source.db.transaction().execute((trx) =>
          appendEvent(trx, { entityType: 'test', entityId: '1', type: 'test.payload', actorId: null, payload: { 中文: '隐患', n: [1, 2.5, null] } }),
        );
        const file = path.join(dir, `${from.name}.anlan.gz`);
        const written = await backupTo(source.db, file);
        expect(written.rows).toBeGreaterThan(1000);
        return { source, file, written };
      })(),
    );
  }
  return backups.get(from.name)!;
}

describe('restore refuses what is not a backup, and changes nothing', () => {
  it.each([
    ['garbage', zlib.gzipSync('hello\n')],
    ['wrong format', zlib.gzipSync('{"format":"other","version":1,"migrations":[]}\n')],
    ['newer schema', zlib.gzipSync('{"format":"anlan-backup","version":1,"migrations":["29990101T0000-future"]}\n')],
  ])('%s', async (_name, bytes) => {
    const target = await engines[0]!.open();
    open.push(target);
    await seedOrganisation(target, { kind: 'enterprise', name: '三江化工有限公司' });
    const before = await snapshot(target.db);
    const file = path.join(dir, 'bad.gz');
    fs.writeFileSync(file, bytes);
    await expect(restoreFrom(target.db, file, { replace: true })).rejects.toThrow(/restore:/);
    expect(await snapshot(target.db)).toEqual(before);
  });
});
