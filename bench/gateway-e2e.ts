/**
 * End to end: simulator (child process) → TCP → decode → batch commit → 0x8001 ack, as fast as the terminals may
 * send (a window of unacknowledged reports per terminal). The rate is measured on the server side from committed
 * positions over the middle of the run (warm-up and drain left out).
 * Run: npm run bench -- bench/gateway-e2e.ts [seconds] [pglite|postgresql ...]
 */
import {
  isMain,
  machine,
  runSimulator,
  startBenchGateway,
  writeResult,
  type BenchGateway,
  type Engine,
} from './gateway-harness.js';
import { startProbe, type StageBreakdown } from './gateway-probe.js';

export interface E2eParams {
  engine: Engine;
  vehicles: number;
  window: number;
  durationS: number;
  batchSize: number;
}

export interface E2eResult {
  params: E2eParams;
  positionsPerSecond: number;
  acked: number;
  sent: number;
  ackLatencyMs: { p50: number; p99: number };
  commitLatencyMs: { p50: number; p99: number; max: number };
  batches: number;
  peakRssMb: number;
  /** Where the gateway's time goes at full load (stages, batch sizes, event-loop delay, GC, CPU, machine load). */
  server: StageBreakdown;
}

/** Runs on `shared` when given (left open), else on a gateway of its own. */
export async function measureE2e(p: E2eParams, shared?: BenchGateway): Promise<E2eResult> {
  const g =
    shared ??
    (await startBenchGateway(p.engine, {
      vehicles: p.vehicles,
      ingest: { batchSize: p.batchSize },
      limits: { maxUnackedPositions: 4 * p.window },
    }));
  const c = g.runtime.counters;
  const probe = startProbe(g.gateway.ingest, 1000);
  const samples: [number, number][] = [];
  let peakRss = 0;
  const sampler = setInterval(() => {
    samples.push([performance.now(), c.positionsCommitted]);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  try {
    const sim = await runSimulator({
      port: g.gateway.port,
      vehicles: p.vehicles,
      'interval-ms': 1,
      window: p.window,
      'duration-s': p.durationS,
      'start-ago-s': 6 * 3600,
    });
    clearInterval(sampler);
    const server = probe.stop();
    // Logins come first in the child; the stream starts when commits do. Measure from 1 s after the first commit
    // to 1 s before the last sample of the stream.
    const startAt = samples.find(([, n]) => n > 0)?.[0] ?? 0;
    const window = samples.filter(([t]) => t >= startAt + 1000 && t <= startAt + (p.durationS - 1) * 1000);
    const first = window[0];
    const last = window[window.length - 1];
    const rate = first && last && last[0] > first[0] ? ((last[1] - first[1]) * 1000) / (last[0] - first[0]) : 0;
    return {
      params: p,
      positionsPerSecond: Math.round(rate),
      acked: sim.acked,
      sent: sim.sent,
      ackLatencyMs: { p50: sim.ackLatencyMs.p50, p99: sim.ackLatencyMs.p99 },
      commitLatencyMs: c.latency(),
      batches: c.batchesCommitted,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      server,
    };
  } finally {
    clearInterval(sampler);
    if (!shared) await g.close();
  }
}

const TARGETS: Record<Engine, number> = { pglite: 20_000, postgresql: 50_000 };

export function resultFile(results: E2eResult[]): object {
  return {
    name: 'gateway-e2e',
    date: new Date().toISOString(),
    machine: machine(),
    // On a shared machine every wall time carries the other work: the load says how much to trust the figures.
    load_average_1m: {
      before: results[0]?.server.loadAverage1m.before ?? null,
      after: results[results.length - 1]?.server.loadAverage1m.after ?? null,
    },
    params: Object.fromEntries(
      results.map((r) => [
        r.params.engine,
        {
          ...r.params,
          acked: r.acked,
          sent: r.sent,
          batches: r.batches,
          commitLatencyMs: r.commitLatencyMs,
          ackLatencyMsAtMaxLoad: r.ackLatencyMs,
          peakRssMb: r.peakRssMb,
          server: r.server,
        },
      ]),
    ),
    metrics: Object.fromEntries(
      results.map((r) => [
        `positions_per_second_${r.params.engine}`,
        { value: r.positionsPerSecond, unit: 'positions/s', target: TARGETS[r.params.engine], better: 'higher' },
      ]),
    ),
  };
}

if (isMain(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? 20);
  const engines = (process.argv.slice(3).length ? process.argv.slice(3) : ['pglite', 'postgresql']) as Engine[];
  const results: E2eResult[] = [];
  for (const engine of engines) {
    const r = await measureE2e({
      engine,
      vehicles: 200,
      window: 32,
      durationS: seconds,
      batchSize: engine === 'pglite' ? 2000 : 1000,
    });
    console.error(engine, JSON.stringify(r));
    results.push(r);
  }
  const file = resultFile(results);
  writeResult('gateway-e2e', file);
  console.log(JSON.stringify(file, null, 2));
}
