import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteError, PGliteThread } from './pglite-thread.js';

describe('PGliteThread (PGlite on a worker thread)', () => {
  // One instance (starting PGlite takes seconds); the last test closes it.
  let pglite: PGliteThread;
  beforeAll(async () => {
    pglite = await PGliteThread.start();
  });
  afterAll(async () => {
    await pglite?.close();
  });

  it('keeps this thread’s event loop turning while a statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await pglite.query('select pg_sleep($1)', [0.4]);
    clearInterval(timer);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    // On the main thread the loop would not have turned once during the 400 ms.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('returns the values node-postgres gives, and PostgreSQL’s error fields', async () => {
    const r = await pglite.query(
      "select 9007199254740991::int8 as big, 1.50::numeric as n, date '2026-12-04' as d, timestamptz '2026-12-04T00:00:00Z' as t",
      [],
    );
    expect(r.rows).toEqual([
      { big: 9007199254740991, n: '1.50', d: '2026-12-04', t: new Date('2026-12-04T00:00:00Z') },
    ]);
    expect((await pglite.exec('create table k (id int primary key); insert into k values (1)')).affectedRows).toBe(1);
    const err = await pglite.query('insert into k values ($1)', [1]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PGliteError);
    expect(err).toMatchObject({ code: '23505', constraint: 'k_pkey', table: 'k' });
    // The connection is still usable after an error.
    expect((await pglite.query('select count(*)::int as n from k', [])).rows).toEqual([{ n: 1 }]);
  });

  it('refuses statements after close with a clear error, and closing twice is harmless', async () => {
    await pglite.close();
    await pglite.close();
    expect(pglite.closed).toBe(true);
    await expect(pglite.query('select 1', [])).rejects.toThrow('PGlite is closed');
  });
});
