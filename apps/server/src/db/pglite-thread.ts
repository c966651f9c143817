import { Worker } from 'node:worker_threads';

export interface PGliteResult {
  rows: unknown[];
  affectedRows?: number;
}

/** An error PostgreSQL raised in the worker, with its fields (`code` '23505' and so on) as node-postgres gives them. */
export class PGliteError extends Error {
  code?: string;
  severity?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  constructor(fields: { message: string } & Record<string, unknown>) {
    super(fields.message);
    this.name = 'DatabaseError';
    Object.assign(this, fields);
  }
}

type Reply =
  | { ready: true }
  | { failed: { message: string } }
  | { id: number; rows: unknown[]; affectedRows?: number }
  | { id: number; error: { message: string } & Record<string, unknown> };

interface Pending {
  resolve: (r: PGliteResult) => void;
  reject: (e: Error) => void;
}

/**
 * PGlite running in a worker thread (pglite-worker.mjs), so that its statements never stop this thread's event loop.
 * Values cross the boundary by structured clone: rows, Dates and numbers arrive as the worker's parsers made them.
 * `dataDir` undefined: in memory.
 */
export class PGliteThread {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stopped: Error | null = null;
  private closing = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => this.onReply(m));
    worker.on('error', (err) => this.lost(new Error(`PGlite worker failed: ${err.message}`)));
    worker.on('exit', (code) => this.lost(new Error(`PGlite worker exited (code ${code})`)));
    // The thread keeps the process alive only while a statement is waiting for it (see send).
    worker.unref();
  }

  static start(dataDir?: string): Promise<PGliteThread> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`PGlite worker exited (code ${code}) before it was ready`));
      worker.once('exit', onExit);
      worker.once('message', (m: Reply) => {
        worker.off('exit', onExit);
        if ('ready' in m) resolve(new PGliteThread(worker));
        else if ('failed' in m) reject(new PGliteError(m.failed));
      });
    });
  }

  get closed(): boolean {
    return this.stopped !== null;
  }

  /** Extended protocol: one statement with parameters. */
  query(sql: string, params: readonly unknown[]): Promise<PGliteResult> {
    return this.send({ sql, params });
  }

  /** Simple protocol: several statements in one string; the last one's result. */
  exec(sql: string): Promise<PGliteResult> {
    return this.send({ sql, params: null });
  }

  /** Closes the database (PGlite writes its files) and ends the thread. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.closing = true;
    await this.send({ close: true });
    this.stop(new Error('PGlite is closed'));
    await this.worker.terminate();
  }

  private send(req: { sql: string; params: readonly unknown[] | null } | { close: true }): Promise<PGliteResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...req });
    });
  }

  private onReply(m: Reply): void {
    if (!('id' in m)) return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in m) p.reject(new PGliteError(m.error));
    else p.resolve(m);
  }

  /** The thread ended without close(): say so once, loudly; every statement from now on fails with `reason`. */
  private lost(reason: Error): void {
    if (this.stopped || this.closing) return;
    process.stderr.write(`anlan: ${reason.message}; every database statement fails until Anlan is restarted\n`);
    this.stop(reason);
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = reason;
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }
}
