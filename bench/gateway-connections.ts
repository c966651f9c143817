/**
 * Concurrent terminal connections: K terminals register, authenticate, report once and then hold their connection
 * with heartbeats, from a child process; this process (the gateway, over PGlite) records its peak RSS. Each side
 * needs K file descriptors: the soft limit is raised toward the hard one where the platform allows.
 * Run: npm run bench -- bench/gateway-connections.ts [connections] [holdSeconds]
 */
import { execSync } from 'node:child_process';
import { isMain, machine, runSimulator, startBenchGateway, writeResult, type BenchGateway } from './gateway-harness.js';

export interface ConnectionsResult {
  connections: number;
  authenticated: number;
  loginFailures: number;
  baselineRssMb: number;
  peakRssMb: number;
  perConnectionKb: number;
  fdLimit: string;
}

/** Runs on `shared` when given (left open), else on a gateway of its own. */
export async function measureConnections(
  connections: number,
  holdS: number,
  shared?: BenchGateway,
): Promise<ConnectionsResult> {
  const g =
    shared ?? (await startBenchGateway('pglite', { vehicles: connections, limits: { idleTimeoutMs: 600_000 } }));
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let authenticated = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    authenticated = Math.max(authenticated, g.runtime.counters.connectionsAuthenticated);
  }, 200);
  try {
    const sim = await runSimulator({
      port: g.gateway.port,
      vehicles: connections,
      'interval-ms': 600_000,
      'duration-s': holdS,
      'connect-concurrency': 500,
    });
    return {
      connections,
      authenticated,
      loginFailures: sim.loginFailures,
      baselineRssMb: Math.round(baseline / 2 ** 20),
      peakRssMb: Math.round(peak / 2 ** 20),
      perConnectionKb: Math.round((peak - baseline) / 1024 / Math.max(1, authenticated)),
      fdLimit: fdLimit(),
    };
  } finally {
    clearInterval(sampler);
    if (!shared) await g.close();
  }
}

function fdLimit(): string {
  try {
    return execSync('sh -c "ulimit -n; ulimit -Hn"').toString().trim().replace('\n', ' soft / ') + ' hard';
  } catch {
    return 'unknown';
  }
}

export function resultFile(r: ConnectionsResult): object {
  return {
    name: 'gateway-connections',
    date: new Date().toISOString(),
    machine: machine(),
    params: {
      connections: r.connections,
      authenticated: r.authenticated,
      loginFailures: r.loginFailures,
      baselineRssMb: r.baselineRssMb,
      fdLimit: r.fdLimit,
      engine: 'pglite (in a worker thread of the gateway process)',
    },
    metrics: {
      peak_rss: { value: r.peakRssMb, unit: 'MB', target: 1024, better: 'lower' },
      rss_per_connection: { value: r.perConnectionKb, unit: 'KB', better: 'lower' },
    },
  };
}

if (isMain(import.meta.url)) {
  const connections = Number(process.argv[2] ?? 10_000);
  const hold = Number(process.argv[3] ?? 20);
  const r = await measureConnections(connections, hold);
  const file = resultFile(r);
  writeResult('gateway-connections', file);
  console.log(JSON.stringify(file, null, 2));
}
