import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { PGliteThread } from './pglite-thread.js';
import type { Tables } from './tables.js';

export type DatabaseKind = 'pglite' | 'postgresql';
export type Db = Kysely<Tables>;

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/**
 * One Kysely over either engine. Both return the same JS values for the same SQL types:
 * bigint → number (ids stay far below 2^53), numeric → string, date → 'YYYY-MM-DD',
 * timestamptz → Date, json/jsonb → parsed value.
 */
export async function openDatabase(
  opts: { databaseUrl?: string | undefined; dataDir?: string; memory?: boolean } = {},
): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend) must not take the
    // process down: the pool drops it and opens a new one on the next query.
    pool.on('error', (err) => process.stderr.write(`anlan: idle PostgreSQL connection lost: ${err.message}\n`));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  let dataDir: string | undefined;
  if (!opts.memory) {
    if (!opts.dataDir) throw new Error('openDatabase: dataDir is required for a persistent PGlite');
    dataDir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  // In a worker thread: a statement never stops this thread's event loop (the gateway's acknowledgements, HTTP).
  const pglite = await PGliteThread.start(dataDir);
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

// node-postgres: make its values match PGlite's (see openDatabase).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
