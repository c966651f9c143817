import type { AlarmSignal } from '../../rules/types.js';

/** Writes one batch of signals durably (AlarmStore.apply). */
export interface SignalWriter {
  apply(signals: readonly AlarmSignal[]): Promise<unknown>;
}

/** Waits before the 2nd and 3rd attempt at a batch; after those it is given up (and counted). */
const RETRY_MS = [200, 1000];

/**
 * A bounded FIFO of alarm signals in front of the store: one writer at a time, batches of `batchSize`, in order
 * (an episode's close never overtakes its open). Beyond `max` waiting signals new ones are counted and dropped, so a
 * database that falls behind costs alarms that are logged, never the process's memory.
 */
export class SignalQueue {
  readonly counters = {
    signalsIn: 0,
    signalsDropped: 0,
    batchesStored: 0,
    batchesFailed: 0,
    signalsLost: 0,
    storeMsMax: 0,
  };
  private queue: AlarmSignal[] = [];
  private head = 0;
  private writing: Promise<void> | null = null;
  private lastDropLog = 0;

  constructor(
    private readonly writer: SignalWriter,
    private readonly o: { max: number; batchSize: number; log?: (msg: string, err?: unknown) => void },
  ) {}

  get size(): number {
    return this.queue.length - this.head;
  }

  push(signals: readonly AlarmSignal[]): void {
    this.counters.signalsIn += signals.length;
    if (this.size + signals.length > this.o.max) {
      this.counters.signalsDropped += signals.length;
      const now = Date.now();
      if (now - this.lastDropLog > 10_000) {
        this.lastDropLog = now;
        this.o.log?.(`alarm store behind: ${this.counters.signalsDropped} alarm signals dropped so far`);
      }
      return;
    }
    for (const s of signals) this.queue.push(s);
    this.writing ??= this.drain().finally(() => (this.writing = null));
  }

  /** Resolves when nothing waits and nothing is being written. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.size > 0) {
      const batch = this.queue.slice(this.head, this.head + this.o.batchSize);
      this.head += batch.length;
      // Taken signals are let go of, so that a queue that never quite empties under load cannot grow.
      if (this.head === this.queue.length || (this.head > 4096 && this.head * 2 > this.queue.length)) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      await this.write(batch);
    }
  }

  private async write(batch: AlarmSignal[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      try {
        await this.writer.apply(batch);
        this.counters.batchesStored++;
        this.counters.storeMsMax = Math.max(this.counters.storeMsMax, Math.round(performance.now() - started));
        return;
      } catch (err) {
        this.counters.batchesFailed++;
        if (attempt >= RETRY_MS.length) {
          this.counters.signalsLost += batch.length;
          this.o.log?.(`alarm store failed: ${batch.length} alarm signals lost`, err);
          return;
        }
        await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
      }
    }
  }
}
