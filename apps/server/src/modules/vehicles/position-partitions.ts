import { sql } from 'kysely';
import type { Db } from '../../db/client.js';

/**
 * Monthly partitions of `positions` (UTC months), named positions_pYYYYMM. The maintenance job creates the current
 * month and `monthsAhead` more, and drops whole months older than the retention: dropping a partition is instant and
 * leaves no dead rows, where DELETE on a billion rows would not. Violation records (alarms and their handling) are
 * kept 3 years in their own tables; only raw positions expire here. Both engines run the same SQL.
 */
export const MIN_RETENTION_MONTHS = 6;

const NAME = /^positions_p(\d{4})(\d{2})$/;

const monthStart = (year: number, month0: number) => new Date(Date.UTC(year, month0, 1));
const partitionName = (d: Date) => `positions_p${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

export async function listPositionPartitions(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'positions'::regclass
    order by c.relname
  `.execute(db);
  return r.rows.map((x) => x.name);
}

/**
 * Creates the month of `now` and the next `monthsAhead` months when missing. Rows of such a month that landed in
 * the default partition meanwhile (a terminal with a clock far ahead) move into the new partition in the same
 * transaction, since PostgreSQL refuses to attach a month the default partition still holds rows of.
 */
export async function ensurePositionPartitions(db: Db, now: Date, monthsAhead = 2): Promise<string[]> {
  const existing = new Set(await listPositionPartitions(db));
  const created: string[] = [];
  for (let k = 0; k <= monthsAhead; k++) {
    const from = monthStart(now.getUTCFullYear(), now.getUTCMonth() + k);
    const to = monthStart(from.getUTCFullYear(), from.getUTCMonth() + 1);
    const name = partitionName(from);
    if (existing.has(name)) continue;
    await db.transaction().execute(async (trx) => {
      const table = sql.table(name);
      await sql`lock table positions_default in exclusive mode`.execute(trx);
      await sql`create table ${table} (like positions including defaults including constraints)`.execute(trx);
      await sql`alter table ${table} add primary key (vehicle_id, device_time)`.execute(trx);
      await sql`
        with moved as (
          delete from positions_default where device_time >= ${from} and device_time < ${to} returning *
        )
        insert into ${table} select * from moved
      `.execute(trx);
      await sql`alter table positions attach partition ${table} for values from (${sql.lit(from.toISOString())}) to (${sql.lit(to.toISOString())})`.execute(
        trx,
      );
    });
    created.push(name);
  }
  return created;
}

/**
 * Drops every monthly partition that ends on or before the first day of the month `retentionMonths` before `now`,
 * and deletes default-partition rows older than that: at least `retentionMonths` whole months stay.
 */
export async function dropExpiredPositions(db: Db, now: Date, retentionMonths: number): Promise<string[]> {
  const months = Math.max(MIN_RETENTION_MONTHS, retentionMonths);
  const cutoff = monthStart(now.getUTCFullYear(), now.getUTCMonth() - months);
  const dropped: string[] = [];
  for (const name of await listPositionPartitions(db)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const end = monthStart(Number(m[1]), Number(m[2]));
    if (end.getTime() > cutoff.getTime()) continue;
    await sql`drop table ${sql.table(name)}`.execute(db);
    dropped.push(name);
  }
  await sql`delete from positions_default where device_time < ${cutoff}`.execute(db);
  return dropped;
}

/** Runs both now and then every `intervalMs` (default 6 h); returns the function that stops it. */
export function startPositionsMaintenance(
  db: Db,
  opts: { retentionMonths: number; intervalMs?: number; now?: () => Date; log?: (msg: string, err?: unknown) => void },
): { ready: Promise<void>; stop(): void } {
  const now = opts.now ?? (() => new Date());
  const run = async () => {
    try {
      await ensurePositionPartitions(db, now());
      await dropExpiredPositions(db, now(), opts.retentionMonths);
    } catch (err) {
      opts.log?.('positions maintenance failed', err);
    }
  };
  const ready = run();
  const timer = setInterval(() => void run(), opts.intervalMs ?? 6 * 3600_000);
  timer.unref();
  return { ready, stop: () => clearInterval(timer) };
}
