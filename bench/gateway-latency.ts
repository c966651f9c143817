/**
 * Ack latency at a fixed 10,000 positions/s: how long a terminal waits between sending a 0x0200 and receiving its
 * 0x8001, which is sent only after the commit. Measured by the terminals (simulator child process), from the write
 * of the report to the read of its answer; the 500 terminals report at staggered phases, as real ones do, and the
 * first 3 s (warm-up) are left out.
 * Run: npm run bench -- bench/gateway-latency.ts [seconds] [pglite|postgresql ...]
 */
import type { IngestOptions } from '../apps/server/src/gateway/ingest.js';
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

export interface LatencyParams {
  engine: Engine;
  /** Offered load, positions/s: `vehicles` terminals each reporting every `intervalMs`. */
  vehicles: number;
  intervalMs: number;
  durationS: number;
  /** Latencies of the first seconds (JIT, WASM tier-up, caches) are left out. */
  warmupS: number;
  /** Batching policy, when not the gateway's default. */
  ingest?: Partial<IngestOptions>;
}

export interface LatencyResult {
  params: LatencyParams & { offeredPerSecond: number };
  ackedPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  commitP99: number;
  /** Where the server's share of the wait goes (stages, batch sizes, event-loop delay, GC, machine load). */
  server: StageBreakdown;
  /** The terminals' process: its event-loop delay is part of the measured latency too. */
  simulatorEventLoopDelayMs: { p50: number; p99: number; max: number };
}

/** Runs on `shared` when given (left open), else on a gateway of its own. */
export async function measureLatency(p: LatencyParams, shared?: BenchGateway): Promise<LatencyResult> {
  const g = shared ?? (await startBenchGateway(p.engine, { vehicles: p.vehicles, ingest: p.ingest }));
  const probe = startProbe(g.gateway.ingest, p.warmupS * 1000);
  try {
    const sim = await runSimulator({
      port: g.gateway.port,
      vehicles: p.vehicles,
      'interval-ms': p.intervalMs,
      window: 8,
      'duration-s': p.durationS,
      'start-ago-s': 6 * 3600,
      'warmup-s': p.warmupS,
    });
    const server = probe.stop();
    return {
      params: { ...p, offeredPerSecond: Math.round((p.vehicles * 1000) / p.intervalMs) },
      ackedPerSecond: Math.round(sim.acked / sim.seconds),
      p50: sim.ackLatencyMs.p50,
      p99: sim.ackLatencyMs.p99,
      max: sim.ackLatencyMs.max,
      commitP99: g.runtime.counters.latency().p99,
      server,
      simulatorEventLoopDelayMs: sim.eventLoopDelayMs,
    };
  } finally {
    if (!shared) await g.close();
  }
}

export function resultFile(results: LatencyResult[]): object {
  return {
    name: 'gateway-ack-latency',
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
          ackedPerSecond: r.ackedPerSecond,
          p50: r.p50,
          max: r.max,
          commitP99: r.commitP99,
          server: r.server,
          simulatorEventLoopDelayMs: r.simulatorEventLoopDelayMs,
        },
      ]),
    ),
    metrics: Object.fromEntries(
      results.map((r) => [
        `ack_p99_at_10k_${r.params.engine}`,
        { value: r.p99, unit: 'ms', target: 100, better: 'lower' },
      ]),
    ),
  };
}

if (isMain(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? 20);
  const engines = (process.argv.slice(3).length ? process.argv.slice(3) : ['pglite', 'postgresql']) as Engine[];
  const results: LatencyResult[] = [];
  for (const engine of engines) {
    // 500 terminals × one report every 50 ms = 10,000 positions/s.
    const r = await measureLatency({ engine, vehicles: 500, intervalMs: 50, durationS: seconds, warmupS: 3 });
    console.error(engine, JSON.stringify(r));
    results.push(r);
  }
  const file = resultFile(results);
  writeResult('gateway-ack-latency', file);
  console.log(JSON.stringify(file, null, 2));
}
