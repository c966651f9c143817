// @ts-check
/**
 * PGlite on a thread of its own (started by pglite-thread.ts). PGlite runs PostgreSQL compiled to WebAssembly on the
 * thread that calls it, so on the main thread every statement — a 2,000-row position batch takes ~80 ms — would
 * stop the event loop: no frame decoded, no acknowledgement written, no HTTP request answered meanwhile. Here the
 * main thread only posts SQL and receives rows.
 *
 * Plain JavaScript so that it runs as it is from `src` (tests) and `dist` (production) alike; it imports nothing of
 * the project. Requests are answered in the order they arrive.
 *
 * In:  { id, sql, params } — params null: the simple protocol (several statements allowed, the last one's result).
 * Out: { id, rows, affectedRows } or { id, error: { message, ...fields of PostgreSQL's error } };
 *      first of all { ready: true } or { failed: { message } }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

if (!parentPort) throw new Error('pglite-worker.mjs runs as a worker thread');
const port = parentPort;

/** PostgreSQL's error fields worth keeping across the thread boundary (code '23505' and the like). */
const ERROR_FIELDS = [
  'code',
  'severity',
  'detail',
  'hint',
  'position',
  'where',
  'schema',
  'table',
  'column',
  'constraint',
  'routine',
];

/** @param {unknown} err */
function describe(err) {
  /** @type {Record<string, unknown>} */
  const out = { message: err instanceof Error ? err.message : String(err) };
  if (err && typeof err === 'object') {
    for (const f of ERROR_FIELDS) {
      const v = /** @type {Record<string, unknown>} */ (err)[f];
      if (v !== undefined) out[f] = v;
    }
  }
  return out;
}

/** @type {PGlite} */
let pglite;
try {
  pglite = await PGlite.create(workerData?.dataDir ?? 'memory://', {
    // The same values as node-postgres gives (see client.ts): bigint → number, numeric and date → text.
    parsers: {
      [types.INT8]: (/** @type {string} */ v) => Number(v),
      [types.NUMERIC]: (/** @type {string} */ v) => v,
      [types.DATE]: (/** @type {string} */ v) => v,
    },
  });
  // A new 16-MB WAL segment is otherwise written full of zeros first, inside whichever commit needs it: a 30–50 ms
  // stall every ~25,000 positions, the p99 of the gateway's commits. Off, PostgreSQL only sets the file's size; each
  // commit's WAL is still written and flushed before the commit returns (as on copy-on-write file systems).
  await pglite.exec('set wal_init_zero = off');
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ failed: describe(err) });
  throw err;
}

/** @param {{ id: number, sql: string, params: unknown[] | null } | { id: number, close: true }} req */
async function answer(req) {
  if ('close' in req) {
    await pglite.close();
    port.postMessage({ id: req.id, rows: [], affectedRows: 0 });
    port.close();
    return;
  }
  try {
    const result =
      req.params === null
        ? ((await pglite.exec(req.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await pglite.query(req.sql, req.params);
    port.postMessage({ id: req.id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (err) {
    port.postMessage({ id: req.id, error: describe(err) });
  }
}

let chain = Promise.resolve();
port.on('message', (req) => {
  chain = chain.then(() => answer(req));
});
