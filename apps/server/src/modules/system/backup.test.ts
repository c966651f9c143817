import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/client.js';
import { engines } from '../../test-support/databases.js';
import { seedDemo } from '../demo/demo-seed.js';
import { appendEvent, verifyEventChain } from '../events/event-log.js';
import { backupTo, restoreFrom } from './backup.js';

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
  return { organisations, users, events };
}

const pairs = engines.flatMap((from) => engines.map((to) => [from, to] as const));

describe.each(pairs)('backup and restore', (from, to) => {
  it(`round-trips ${from.name} → ${to.name} with every row, id and hash intact`, async () => {
    const source = await from.open();
    const target = await to.open();
    open.push(source, target);
    await seedDemo(source.db);
    await source.db.transaction().execute((trx) =>
      appendEvent(trx, { entityType: 'test', entityId: '1', type: 'test.payload', actorId: null, payload: { 中文: '隐患', n: [1, 2.5, null] } }),
    );
    const file = path.join(dir, `${from.name}-${to.name}.anlan.gz`);
    const written = await backupTo(source.db, file);
    expect(written.rows).toBeGreaterThan(20);

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
  });
});

describe('restore refuses what is not a backup, and changes nothing', () => {
  it.each([
    ['garbage', zlib.gzipSync('hello\n')],
    ['wrong format', zlib.gzipSync('{"format":"other","version":1,"migrations":[]}\n')],
    ['newer schema', zlib.gzipSync('{"format":"anlan-backup","version":1,"migrations":["29990101T0000-future"]}\n')],
  ])('%s', async (_name, bytes) => {
    const target = await engines[0]!.open();
    open.push(target);
    await seedDemo(target.db);
    const before = await snapshot(target.db);
    const file = path.join(dir, 'bad.gz');
    fs.writeFileSync(file, bytes);
    await expect(restoreFrom(target.db, file, { replace: true })).rejects.toThrow(/restore:/);
    expect(await snapshot(target.db)).toEqual(before);
  });
});
