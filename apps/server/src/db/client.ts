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
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10, Client: PreparingClient });
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

/** A statement that starts with this comment is parsed and planned once per connection, then only executed. */
export const PREPARED = '/* prepared */';

const statementNames = new Map<string, string>();

/**
 * node-postgres runs a statement marked PREPARED as a named prepared statement (named by its text, so one text is
 * prepared once per pooled connection). For the position batch (a dozen CTEs) planning is ~1.5 ms of ~15 ms a
 * batch on the database server. Everything else goes through unchanged.
 */
class PreparingClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query has eight overloads; this forwards them all
  override query(...args: any[]): any {
    const [text, values] = args as [unknown, unknown[] | undefined];
    if (args.length <= 2 && typeof text === 'string' && text.startsWith(PREPARED)) {
      let name = statementNames.get(text);
      if (!name) statementNames.set(text, (name = `anlan_${statementNames.size + 1}`));
      return super.query({ name, text, values });
    }
    return (super.query as (...a: unknown[]) => unknown)(...args);
  }
}

// node-postgres: make its values match PGlite's (see openDatabase).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
