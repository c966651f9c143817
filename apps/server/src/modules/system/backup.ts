import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrationProvider } from '../../db/migrations/index.js';

/**
 * A logical backup: gzip'd JSON lines, one header, then per table a table line and its rows.
 * Engine-neutral, so a PGlite backup restores into PostgreSQL and back.
 */
const FORMAT = 'anlan-backup';
const FORMAT_VERSION = 1;
/** Ephemeral or owned by the migrator: never backed up. */
const SKIPPED = new Set(['sessions', 'kysely_migration', 'kysely_migration_lock']);
const PAGE = 5000;

interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
  /** Columns that reference the same table (e.g. parent_id): rows are written parents first. */
  selfRefs: string[];
  dependsOn: string[];
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

async function describeTables(db: Db): Promise<TableInfo[]> {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const fks = await sql<{ table_name: string; column_name: string; ref_table: string }>`
    select tc.table_name, kcu.column_name, ccu.table_name as ref_table
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  const pks = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
    order by kcu.ordinal_position`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of cols.rows) {
    if (SKIPPED.has(c.table_name)) continue;
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [], selfRefs: [], dependsOn: [] };
    t.columns.push({ name: c.column_name, type: c.data_type });
    tables.set(c.table_name, t);
  }
  for (const p of pks.rows) tables.get(p.table_name)?.primaryKey.push(p.column_name);
  for (const f of fks.rows) {
    const t = tables.get(f.table_name);
    if (!t) continue;
    if (f.ref_table === f.table_name) t.selfRefs.push(f.column_name);
    else if (tables.has(f.ref_table)) t.dependsOn.push(f.ref_table);
  }
  // Referenced tables first.
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (t: TableInfo) => {
    if (seen.has(t.name)) return;
    seen.add(t.name);
    t.dependsOn.forEach((d) => visit(tables.get(d)!));
    ordered.push(t);
  };
  [...tables.values()].sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return ordered;
}

function encodeValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return { $bytea: Buffer.from(v).toString('base64') };
  return v;
}

async function* dumpLines(db: Db): AsyncGenerator<string> {
  const migrations = Object.keys(await migrationProvider.getMigrations());
  const tables = await describeTables(db);
  yield JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), migrations });
  const anyDb = db as unknown as AnyDb;
  for (const t of tables) {
    yield JSON.stringify({ table: t.name, columns: t.columns.map((c) => c.name) });
    const rows = await readTable(anyDb, t);
    for (const row of rows) yield JSON.stringify(t.columns.map((c) => encodeValue(row[c.name])));
  }
}

/** Keyset-paged read of a whole table; self-referencing rows reordered parents first. */
async function readTable(db: AnyDb, t: TableInfo): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const key = t.primaryKey[0];
  let last: unknown;
  for (;;) {
    let q = db.selectFrom(t.name).selectAll();
    if (key) {
      if (last !== undefined) q = q.where(key, '>', last);
      q = q.orderBy(key);
    }
    const page = await q.limit(key ? PAGE : 1_000_000_000).execute();
    out.push(...page);
    if (!key || page.length < PAGE) break;
    last = page[page.length - 1]![key];
  }
  return t.selfRefs.length && key ? parentsFirst(out, key, t.selfRefs) : out;
}

function parentsFirst(rows: Record<string, unknown>[], key: string, refs: string[]) {
  const placed = new Set<unknown>();
  const ordered: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length) {
    const next = pending.filter((r) => !refs.every((c) => r[c] == null || placed.has(r[c]) || r[c] === r[key]));
    const ready = pending.filter((r) => !next.includes(r));
    if (!ready.length) throw new Error('backup: a reference cycle among rows cannot be ordered');
    ready.forEach((r) => (placed.add(r[key]), ordered.push(r)));
    pending = next;
  }
  return ordered;
}

export async function backupTo(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  let rows = 0;
  let tables = 0;
  const lines = Readable.from(
    (async function* () {
      for await (const line of dumpLines(db)) {
        if (line.startsWith('{"table"')) tables++;
        else if (line.startsWith('[')) rows++;
        yield `${line}\n`;
      }
    })(),
  );
  const tmp = `${file}.partial`;
  await pipeline(lines, zlib.createGzip(), fs.createWriteStream(tmp));
  fs.renameSync(tmp, file);
  return { tables, rows };
}

/**
 * Restores a backup into this database, in one transaction: all of it or nothing.
 * The target must be empty unless `replace` is set, which first deletes every row.
 */
export async function restoreFrom(db: Db, file: string, opts: { replace?: boolean } = {}): Promise<{ rows: number }> {
  const input = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const lines = input[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = parseHeader(first.done ? '' : first.value);
  const known = Object.keys(await migrationProvider.getMigrations());
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length) throw new Error(`restore: the backup is from a newer Anlan (unknown migrations: ${unknown.join(', ')})`);
  await migrateToLatest(db);
  const tables = new Map((await describeTables(db)).map((t) => [t.name, t]));

  return db.transaction().execute(async (trx) => {
    const anyTrx = trx as unknown as AnyDb;
    if (opts.replace) {
      await sql.raw(`truncate ${[...tables.keys()].map((t) => `"${t}"`).join(', ')}, sessions cascade`).execute(trx);
    } else {
      for (const t of tables.values()) {
        const row = await anyTrx.selectFrom(t.name).select(sql`1`.as('x')).limit(1).executeTakeFirst();
        if (row) throw new Error(`restore: the target database is not empty (table ${t.name}); use --replace to overwrite it`);
      }
    }
    let table: TableInfo | undefined;
    let columns: string[] = [];
    let batch: unknown[][] = [];
    let rows = 0;
    const flush = async () => {
      if (table && batch.length) await insertRows(trx, table, columns, batch);
      rows += batch.length;
      batch = [];
    };
    for await (const line of input) {
      if (!line) continue;
      const value = JSON.parse(line) as unknown;
      if (Array.isArray(value)) {
        if (!table) throw new Error('restore: a row before any table line');
        batch.push(value);
        if (batch.length >= 500) await flush();
        continue;
      }
      await flush();
      const t = value as { table: string; columns: string[] };
      table = tables.get(t.table);
      if (!table) throw new Error(`restore: unknown table ${t.table}`);
      columns = t.columns;
    }
    await flush();
    await resetIdentities(trx, [...tables.values()]);
    return { rows };
  });
}

function parseHeader(line: string): { migrations: string[] } {
  let header: { format?: unknown; version?: unknown; migrations?: unknown };
  try {
    header = JSON.parse(line) as typeof header;
  } catch {
    throw new Error('restore: not an Anlan backup (the first line is not JSON)');
  }
  if (header.format !== FORMAT || header.version !== FORMAT_VERSION || !Array.isArray(header.migrations)) {
    throw new Error(`restore: not an Anlan backup of format ${FORMAT} v${FORMAT_VERSION}`);
  }
  return { migrations: header.migrations as string[] };
}

async function insertRows(trx: Db, t: TableInfo, columns: string[], rows: unknown[][]) {
  const types = new Map(t.columns.map((c) => [c.name, c.type]));
  const decode = (v: unknown, col: string) => {
    const type = types.get(col);
    if (type === undefined) throw new Error(`restore: table ${t.name} has no column ${col}`);
    if (v !== null && typeof v === 'object' && '$bytea' in v) return Buffer.from(String((v as { $bytea: string }).$bytea), 'base64');
    if ((type === 'jsonb' || type === 'json') && v !== null) return JSON.stringify(v);
    return v;
  };
  const values = rows.map((r) => sql`(${sql.join(r.map((v, i) => sql`${decode(v, columns[i]!)}`))})`);
  await sql`insert into ${sql.id(t.name)} (${sql.join(columns.map((c) => sql.id(c)))}) overriding system value values ${sql.join(values)}`.execute(trx);
}

/** After explicit ids went in, identity columns must continue past the highest one. */
async function resetIdentities(trx: Db, tables: TableInfo[]) {
  const identities = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval%')`.execute(trx);
  for (const { table_name, column_name } of identities.rows) {
    if (!tables.some((t) => t.name === table_name)) continue;
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      coalesce((select max(${sql.id(column_name)}) from ${sql.id(table_name)}), 0) + 1, false)`.execute(trx);
  }
}
