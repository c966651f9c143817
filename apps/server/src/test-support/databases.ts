import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * The engines every integration suite runs on: PGlite always, PostgreSQL too when
 * DATABASE_URL is set. Each `open()` gives a fresh, migrated, empty database.
 */
export interface TestEngine {
  name: 'pglite' | 'postgresql';
  open(): Promise<Database>;
}

export const engines: TestEngine[] = [
  { name: 'pglite', open: () => migrated(openDatabase({ memory: true })) },
  ...(process.env.DATABASE_URL ? [{ name: 'postgresql' as const, open: () => migrated(scratchPostgres(process.env.DATABASE_URL!)) }] : []),
];

async function migrated(p: Promise<Database>): Promise<Database> {
  const database = await p;
  await migrateToLatest(database.db);
  return database;
}

/** An empty, unmigrated database of its own on the PostgreSQL server of `url`, dropped with `close()`. */
export async function scratchPostgres(url: string): Promise<Database> {
  const name = `anlan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
