import { sql } from 'kysely';
import type { Db } from './client.js';

/** The next number of a per-year series (notices, cases, hazard codes), atomic under concurrency. */
export async function nextSerial(trx: Db, kind: string, year: number): Promise<number> {
  const row = await sql<{ last: number }>`
    insert into document_serials (kind, year, last) values (${kind}, ${year}, 1)
    on conflict (kind, year) do update set last = document_serials.last + 1
    returning last`.execute(trx);
  return row.rows[0]!.last;
}

/** The calendar year in China (Asia/Shanghai, UTC+8, no daylight saving) of an instant. */
export const yearInChina = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
