/**
 * Alarm latency: from the commit of the position that raises (or updates, or ends) an alarm to the alarm's message
 * on the live WebSocket of a monitor — rules runner, engine, alarm store (one transaction with its events), hub and
 * socket. The simulator (child process) drives `vehicles` terminals, device time 10× faster, on roads without zones
 * (so the 60 km/h default limit makes every expressway stretch an overspeed episode: a steady stream of alarms).
 * The engine's reorder window is 0 s, its default (positions evaluated on arrival); a site that sets one adds up to
 * that much to every alarm.
 * Run: npm run bench -- bench/alarms-latency.ts [seconds] [pglite|postgresql ...]
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { loadConfig } from '../apps/server/src/config.js';
import { buildApp } from '../apps/server/src/http/app.js';
import { startRulesRunner } from '../apps/server/src/modules/alarms/alarm-monitoring.js';
import { SettingsService } from '../apps/server/src/modules/settings/settings.service.js';
import { login, seedUser } from '../apps/server/src/test-support/app.js';
import { isMain, machine, runSimulator, startBenchGateway, writeResult, type Engine } from './gateway-harness.js';

export interface AlarmLatencyParams {
  engine: Engine;
  vehicles: number;
  intervalMs: number;
  stepS: number;
  durationS: number;
  /** Alarms of the first seconds (logins, the start-up burst of every episode already under way, JIT) are left out. */
  warmupS?: number;
  /** In-memory PGlite (the bench test); a data directory otherwise, as in production. */
  memory?: boolean;
}

export interface AlarmLatencyResult {
  params: AlarmLatencyParams & { positionsPerSecond: number };
  /** Alarm messages matched to the commit of their position. */
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Including the warm-up: the start-up burst (every episode under way opens at once) queues behind itself. */
  withWarmup: { count: number; p50: number; p99: number; max: number };
  positionsCommitted: number;
  runner: Record<string, number>;
}

const pct = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;

export async function measureAlarmLatency(p: AlarmLatencyParams): Promise<AlarmLatencyResult> {
  const g = await startBenchGateway(p.engine, { vehicles: p.vehicles, memory: p.memory ?? false });
  let app: FastifyInstance | undefined;
  let ws: WebSocket | undefined;
  const db = g.database.db;
  // Registered before the runner: commit times of every position, by vehicle and device time.
  const committedAt = new Map<string, number>();
  g.runtime.hub.on('positions', (events) => {
    const now = performance.now();
    for (const e of events) committedAt.set(`${e.position.vehicleId}|${e.position.deviceTime.getTime()}`, now);
  });
  const prune = setInterval(() => {
    const old = performance.now() - 30_000;
    for (const [k, at] of committedAt) if (at < old) committedAt.delete(k);
  }, 5000);
  try {
    const admin = await seedUser(g.database, 'admin', 'admin');
    await seedUser(g.database, 'monitor', 'monitor');
    const settings = new SettingsService(db);
    await settings.put(
      {
        userId: admin.id,
        username: 'admin',
        displayName: 'admin',
        role: 'admin',
        organisationId: null,
        locale: 'zh-CN',
      },
      'rules',
      { ordering: { reorderWindowS: 0 } },
    );
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      database: g.database,
      logger: false,
      gateway: g.runtime,
      settings,
    });
    const runner = await startRulesRunner({ db, hub: g.runtime.hub, settings });
    const latencies: number[] = [];
    const all: number[] = [];
    let measureFrom = Infinity;
    ws = await app.injectWS('/api/live', { headers: { cookie: await login(app, 'monitor') } });
    ws.on('message', (data: Buffer) => {
      const now = performance.now();
      const m = JSON.parse(data.toString()) as { type: string; items: { vehicleId: string; lastAt: string }[] };
      if (m.type !== 'alarms') return;
      for (const a of m.items) {
        const at = committedAt.get(`${a.vehicleId}|${Date.parse(a.lastAt)}`);
        if (at === undefined) continue;
        all.push(now - at);
        if (now >= measureFrom) latencies.push(now - at);
      }
    });
    // The simulator logs its terminals in first; the clock for the warm-up starts with the first position.
    const offFirst = g.runtime.hub.on('positions', () => {
      measureFrom = Math.min(measureFrom, performance.now() + (p.warmupS ?? 0) * 1000);
      offFirst();
    });
    const sim = await runSimulator({
      port: g.gateway.port,
      vehicles: p.vehicles,
      'interval-ms': p.intervalMs,
      'step-s': p.stepS,
      window: 8,
      'duration-s': p.durationS,
      // Device time runs stepS × faster: start far enough back that it never passes the platform's clock.
      'start-ago-s': Math.ceil((p.durationS * 1000 * p.stepS) / p.intervalMs) + 600,
    });
    await runner.stop();
    await new Promise((r) => setTimeout(r, 100));
    const sorted = latencies.sort((a, b) => a - b);
    const everything = all.sort((a, b) => a - b);
    return {
      params: { ...p, positionsPerSecond: Math.round((p.vehicles * 1000) / p.intervalMs) },
      count: sorted.length,
      p50: pct(sorted, 0.5),
      p99: pct(sorted, 0.99),
      max: pct(sorted, 1),
      withWarmup: {
        count: everything.length,
        p50: pct(everything, 0.5),
        p99: pct(everything, 0.99),
        max: pct(everything, 1),
      },
      positionsCommitted: sim.acked,
      runner: runner.stats(),
    };
  } finally {
    clearInterval(prune);
    ws?.terminate();
    await app?.close();
    await g.close();
  }
}

export function resultFile(results: AlarmLatencyResult[]): object {
  return {
    name: 'alarms-latency',
    date: new Date().toISOString(),
    machine: machine(),
    params: Object.fromEntries(
      results.map((r) => [
        r.params.engine,
        {
          ...r.params,
          count: r.count,
          p50: r.p50,
          max: r.max,
          withWarmup: r.withWarmup,
          positionsCommitted: r.positionsCommitted,
          runner: r.runner,
        },
      ]),
    ),
    metrics: Object.fromEntries(
      results.map((r) => [
        `alarm_ws_p99_${r.params.engine}`,
        { value: r.p99, unit: 'ms', target: 200, better: 'lower' },
      ]),
    ),
  };
}

if (isMain(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? 30);
  const engines = (process.argv.slice(3).length ? process.argv.slice(3) : ['pglite', 'postgresql']) as Engine[];
  const results: AlarmLatencyResult[] = [];
  for (const engine of engines) {
    // 1000 terminals reporting every second (1000 positions/s), device time 10× faster.
    const r = await measureAlarmLatency({
      engine,
      vehicles: 1000,
      intervalMs: 1000,
      stepS: 10,
      durationS: seconds,
      warmupS: 5,
    });
    console.error(engine, JSON.stringify(r));
    results.push(r);
  }
  const file = resultFile(results);
  writeResult('alarms-latency', file);
  console.log(JSON.stringify(file, null, 2));
}
