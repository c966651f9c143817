import type { PositionRecord } from './position-record.js';
import type { GatewayCounters } from './stats.js';

/** Positions that are acknowledged together (one 0x0200, or one whole 0x0704) and who to tell when they are durable. */
export interface Submission {
  records: readonly PositionRecord[];
  organisationId: string;
  plate: string;
  /** Called once: true after the commit resolved, false when the batch could not be stored. */
  done(durable: boolean): void;
  /** performance.now() when the bytes carrying these positions were read (stage timings; optional). */
  readAt?: number;
  /** performance.now() when the submission was queued; set by Ingest.submit. */
  queuedAt?: number;
}

/** One committed batch and when each stage ended (performance.now()): for benchmarks and diagnostics. */
export interface BatchTiming {
  subs: readonly Submission[];
  rows: number;
  startedAt: number;
  committedAt: number;
  /** After every 0x8001 of the batch was handed to its socket. */
  answeredAt: number;
}

export interface IngestOptions {
  /** Rows that trigger a batch at once. */
  batchSize: number;
  /**
   * The most rows one transaction takes when rows queued up behind a commit; default 4 × batchSize. Light load gets
   * small, quick batches; a backlog is worked off in bigger ones, which commit more rows per second.
   */
  maxBatchRows?: number;
  /** The longest a row waits for its batch to fill. */
  maxDelayMs: number;
  /** Batches committing at once: 1 on PGlite (one connection), a few on PostgreSQL. */
  concurrency: number;
  /** Told about each failed write (logging); the affected terminals get result 1 and resend. */
  onError?: (err: unknown) => void;
}

/** Writes one batch durably (committed when the promise resolves); returns how many rows were new. */
export type BatchWriter = (records: PositionRecord[]) => Promise<{ inserted: number }>;

/**
 * Durable ingest: positions from all connections are gathered into batches by size or age, each batch is committed
 * in one transaction, and only then is each submission's `done(true)` called (which writes its 0x8001). A crash
 * before that loses nothing that was acknowledged: the terminal resends what it was never answered for.
 *
 * A failed batch is retried submission by submission, so one poisonous row fails only its own terminal.
 */
export class Ingest {
  // A queue with a moving head: taking a batch off a long backlog must not copy the backlog.
  private queue: Submission[] = [];
  private head = 0;
  private queuedRows = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  /** drain() was called: send what is queued without waiting for batches to fill. */
  private draining = false;
  private idle: (() => void)[] = [];
  private readonly committedListeners: ((subs: readonly Submission[]) => void)[] = [];
  private readonly timingListeners = new Set<(t: BatchTiming) => void>();

  constructor(
    private readonly write: BatchWriter,
    private readonly options: IngestOptions,
    private readonly counters: GatewayCounters,
  ) {}

  /** Rows waiting for a batch slot. */
  get queued(): number {
    return this.queuedRows;
  }

  /** Called after each commit with the submissions it made durable (before their acks are written). */
  onCommitted(listener: (subs: readonly Submission[]) => void): void {
    this.committedListeners.push(listener);
  }

  /** Called after each committed batch was answered, with its stage times; returns the function that unsubscribes. */
  onBatchTiming(listener: (t: BatchTiming) => void): () => void {
    this.timingListeners.add(listener);
    return () => this.timingListeners.delete(listener);
  }

  submit(sub: Submission): void {
    sub.queuedAt = performance.now();
    this.queue.push(sub);
    this.queuedRows += sub.records.length;
    this.counters.positionsQueued = this.queuedRows;
    if (this.queuedRows >= this.options.batchSize) this.dispatch();
    else this.timer ??= setTimeout(() => this.dispatch(), this.options.maxDelayMs);
  }

  /** Resolves when every submitted position has been committed (or failed) and answered. */
  drain(): Promise<void> {
    this.draining = true;
    this.dispatch();
    if (this.head < this.queue.length || this.inFlight > 0) return new Promise((resolve) => this.idle.push(resolve));
    this.draining = false;
    return Promise.resolve();
  }

  /**
   * Starts batches while a slot is free and a batch is due: `batchSize` rows are waiting, or the oldest has waited
   * `maxDelayMs` (else a timer fires when it will have). Rows that queued up behind a commit therefore also wait out
   * their delay: a batch a commit's worth of rows small costs nearly as much as a full one, so sending each the
   * moment the commit ends would spend the database on per-statement work just when it is busiest.
   */
  private dispatch(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight < this.options.concurrency && this.head < this.queue.length) {
      const waited = performance.now() - this.queue[this.head]!.queuedAt!;
      if (!this.draining && this.queuedRows < this.options.batchSize && waited < this.options.maxDelayMs) {
        this.timer = setTimeout(() => this.dispatch(), this.options.maxDelayMs - waited);
        return;
      }
      const batch = this.take();
      this.inFlight++;
      this.counters.batchesInFlight = this.inFlight;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.counters.batchesInFlight = this.inFlight;
        if (this.head < this.queue.length) this.dispatch();
        else if (this.inFlight === 0) {
          this.draining = false;
          for (const resolve of this.idle.splice(0)) resolve();
        }
      });
    }
  }

  private take(): Submission[] {
    const start = this.head;
    let rows = 0;
    let i = start;
    const cap = this.options.maxBatchRows ?? 4 * this.options.batchSize;
    while (i < this.queue.length && (i === start || rows + this.queue[i]!.records.length <= cap)) {
      rows += this.queue[i]!.records.length;
      i++;
    }
    const batch = this.queue.slice(start, i);
    this.head = i;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.queuedRows -= rows;
    this.counters.positionsQueued = this.queuedRows;
    return batch;
  }

  private async commit(batch: Submission[]): Promise<void> {
    const records = batch.length === 1 ? [...batch[0]!.records] : batch.flatMap((s) => s.records);
    let started = performance.now();
    if (await this.tryWrite(records, started)) return this.committed(batch, started, records.length);
    if (batch.length === 1) return this.failed(batch);
    for (const sub of batch) {
      started = performance.now();
      if (await this.tryWrite([...sub.records], started)) this.committed([sub], started, sub.records.length);
      else this.failed([sub]);
    }
  }

  private async tryWrite(records: PositionRecord[], started: number): Promise<boolean> {
    try {
      const { inserted } = await this.write(records);
      this.counters.commitLatency(performance.now() - started);
      this.counters.batchesCommitted++;
      this.counters.positionsCommitted += inserted;
      this.counters.positionsDuplicate += records.length - inserted;
      return true;
    } catch (err) {
      this.counters.batchesFailed++;
      this.options.onError?.(err);
      return false;
    }
  }

  private committed(subs: Submission[], startedAt: number, rows: number): void {
    const committedAt = performance.now();
    for (const listener of this.committedListeners) listener(subs);
    for (const sub of subs) sub.done(true);
    if (this.timingListeners.size === 0) return;
    const timing = { subs, rows, startedAt, committedAt, answeredAt: performance.now() };
    for (const listener of this.timingListeners) listener(timing);
  }

  private failed(subs: Submission[]): void {
    for (const sub of subs) sub.done(false);
  }
}
