import { Cron } from 'croner';
import type { Db } from '../../db/client.js';
import { recomputeRisk } from './recompute.js';
import type { RiskConfigSource } from './risk-config.js';

export interface RiskJob {
  /** Settles when the recompute at start has finished (failures are logged, never thrown). */
  ready: Promise<void>;
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Recomputes every level at start and then every `everyMinutes` (default 10, on the clock: :00, :10 …). Runs never
 * overlap (and the recompute itself holds a lock, so an on-demand one waits); a failure is logged and the next run
 * tries again.
 */
export function startRiskJob(
  db: Db,
  opts: { config: RiskConfigSource; log: (message: string, err?: unknown) => void; everyMinutes?: number; now?: () => Date },
): RiskJob {
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  const run = () =>
    (running = (async () => {
      try {
        await recomputeRisk(db, now(), await opts.config());
      } catch (err) {
        opts.log('risk recompute failed', err);
      }
    })());
  const ready = run();
  const job = new Cron(`*/${opts.everyMinutes ?? 10} * * * *`, { protect: true }, async () => {
    await running;
    await run();
  });
  return {
    ready,
    stop: async () => {
      job.stop();
      await running;
    },
  };
}
