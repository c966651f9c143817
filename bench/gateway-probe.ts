/**
 * Where the time of an acknowledgement goes, measured inside the gateway process while a benchmark runs: per-stage
 * times of every committed batch (read → queued → commit start → commit end → acks written), batch sizes, the event
 * loop's delay (monitorEventLoopDelay) and garbage-collection pauses (PerformanceObserver 'gc').
 */
import os from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { BatchTiming, Ingest } from '../apps/server/src/gateway/ingest.js';

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

export interface StageBreakdown {
  /** Submissions (0x0200 / 0x0704 frames) and batches measured after the warm-up. */
  submissions: number;
  batches: number;
  rowsPerBatch: Percentiles & { mean: number };
  /** Per submission, ms: read → queued is decoding and mapping (and frames held before it in the same read). */
  readToQueuedMs: Percentiles;
  /** Waiting for a batch to fill or for a commit slot. */
  queuedToCommitStartMs: Percentiles;
  /** The database's share: the commit of the submission's batch. */
  commitMs: Percentiles;
  /** From the commit resolving to the 0x8001 handed to the socket (listeners, then the acks of the whole batch). */
  commitToAnsweredMs: Percentiles;
  /** Inside the gateway, read → answered: what the terminal waits for, less the network and its own event loop. */
  serverTotalMs: Percentiles;
  eventLoopDelayMs: Percentiles & { mean: number };
  gc: { count: number; totalMs: number; maxMs: number; byKind: Record<string, { count: number; totalMs: number }> };
  /**
   * CPU time of the gateway process (decode, batching, the driver's side of the writes, acks, GC) per 1000 positions
   * committed after the warm-up: less sensitive to other work on the machine than any wall time.
   */
  gatewayCpuMsPer1000Positions: number;
  /** 1-minute load average of the machine before and after (other work on a shared machine skews every figure). */
  loadAverage1m: { before: number; after: number };
}

const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weakcb' };

function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: 0, p99: 0, max: 0 };
  const s = Float64Array.from(values).sort();
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: at(1) };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Starts measuring at the first committed batch plus `warmupMs` (logins come before; JIT and caches warm up after):
 * batches, GC pauses and event-loop delay before that are left out.
 */
export function startProbe(ingest: Ingest, warmupMs = 0): { stop(): StageBreakdown } {
  const loadBefore = os.loadavg()[0]!;
  let from = Infinity;
  let cpuFrom: NodeJS.CpuUsage | undefined;
  let rowsForCpu = 0;
  // Started after the warm-up too, so that start-up compilation does not count as a stall.
  const eld = monitorEventLoopDelay({ resolution: 5 });
  let eldStart: NodeJS.Timeout | undefined;
  const readToQueued: number[] = [];
  const queuedToStart: number[] = [];
  const commit: number[] = [];
  const commitToAnswered: number[] = [];
  const total: number[] = [];
  const rows: number[] = [];
  const unsubscribe = ingest.onBatchTiming((t: BatchTiming) => {
    if (from === Infinity) {
      from = t.startedAt + warmupMs;
      eldStart = setTimeout(() => {
        eld.enable();
        cpuFrom = process.cpuUsage();
      }, warmupMs);
    }
    if (t.startedAt < from) return;
    rows.push(t.rows);
    if (cpuFrom) rowsForCpu += t.rows;
    for (const s of t.subs) {
      const read = s.readAt ?? s.queuedAt ?? t.startedAt;
      const queued = s.queuedAt ?? read;
      readToQueued.push(queued - read);
      queuedToStart.push(t.startedAt - queued);
      commit.push(t.committedAt - t.startedAt);
      commitToAnswered.push(t.answeredAt - t.committedAt);
      total.push(t.answeredAt - read);
    }
  });
  const gc = { count: 0, totalMs: 0, maxMs: 0, byKind: {} as Record<string, { count: number; totalMs: number }> };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      if (e.startTime < from) continue;
      gc.count++;
      gc.totalMs += e.duration;
      gc.maxMs = Math.max(gc.maxMs, e.duration);
      const kind = GC_KINDS[e.detail?.kind ?? 0] ?? 'other';
      const k = (gc.byKind[kind] ??= { count: 0, totalMs: 0 });
      k.count++;
      k.totalMs += e.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      unsubscribe();
      clearTimeout(eldStart);
      eld.disable();
      observer.disconnect();
      const ms = (ns: number) => round1(ns / 1e6);
      const cpu = cpuFrom ? process.cpuUsage(cpuFrom) : { user: 0, system: 0 };
      const sum = rows.reduce((a, b) => a + b, 0);
      return {
        submissions: total.length,
        batches: rows.length,
        rowsPerBatch: { ...percentiles(rows), mean: rows.length ? Math.round(sum / rows.length) : 0 },
        readToQueuedMs: percentiles(readToQueued),
        queuedToCommitStartMs: percentiles(queuedToStart),
        commitMs: percentiles(commit),
        commitToAnsweredMs: percentiles(commitToAnswered),
        serverTotalMs: percentiles(total),
        eventLoopDelayMs:
          eld.count > 0
            ? { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max), mean: ms(eld.mean) }
            : { p50: 0, p99: 0, max: 0, mean: 0 },
        gc: {
          count: gc.count,
          totalMs: round1(gc.totalMs),
          maxMs: round1(gc.maxMs),
          byKind: Object.fromEntries(
            Object.entries(gc.byKind).map(([k, v]) => [k, { count: v.count, totalMs: round1(v.totalMs) }]),
          ),
        },
        gatewayCpuMsPer1000Positions: rowsForCpu ? round1((cpu.user + cpu.system) / rowsForCpu) : 0,
        loadAverage1m: { before: round1(loadBefore), after: round1(os.loadavg()[0]!) },
      };
    },
  };
}
