/**
 * The rules engine on one core: 10,000 vehicles reporting every second (10,000 positions/s) against 5,000 zones.
 * Positions are generated first (bench/rules-world.ts); then `seconds` of traffic go through ingest() one position
 * per call, as the ingest pipeline feeds it, with tick() once per simulated second. CPU time (process.cpuUsage) over
 * simulated time is the cores the rules need: the promise is < 1. zonesAt() is timed alone, point by point. With
 * --expose-gc the engine's retained heap (its state for the whole fleet) is measured too.
 * Run: node --expose-gc --conditions=source --import tsx bench/rules.ts [vehicles] [zones] [seconds]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defaultRulesConfig } from '../apps/server/src/rules/config.js';
import { RulesEngine } from '../apps/server/src/rules/engine.js';
import { ZoneIndex } from '../apps/server/src/rules/geometry/zone-index.js';
import type { AlarmType } from '../apps/server/src/rules/types.js';
import { BENCH_T0, benchRoutes, benchSeconds, benchVehicles, benchZones, lcg } from './rules-world.js';

export interface RulesBenchParams {
  vehicles: number;
  zones: number;
  /** Measured simulated seconds (one position per vehicle per second). */
  seconds: number;
  /** Simulated seconds run first, not measured (JIT warm-up, episodes under way). */
  warmupS: number;
  /** zonesAt() calls timed one by one. */
  zoneQueries: number;
}

export interface RulesBenchResult {
  params: RulesBenchParams & { positions: number; routes: number };
  cpuSeconds: number;
  wallSeconds: number;
  cores: number;
  positionsPerCpuSecond: number;
  zonesAtP50Us: number;
  zonesAtP99Us: number;
  /** Heap the engine keeps (state of every vehicle, the zone index) after a full GC; null without --expose-gc. */
  engineHeapMb: number | null;
  /** 1-minute load average at the end: the machine is shared. */
  loadAverage: number;
  signals: Partial<Record<AlarmType, number>>;
  late: number;
  drift: number;
}

const percentile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

/** zonesAt() one call at a time, half the points where the traffic is, half anywhere in the district. */
function timeZonesAt(index: ZoneIndex, seconds: ReturnType<typeof benchSeconds>, queries: number): Float64Array {
  const rnd = lcg(3);
  const points: { lat: number; lon: number }[] = [];
  const traffic = seconds.flatMap((s) => s.positions);
  for (let i = 0; i < queries; i++)
    points.push(
      i % 2 === 0
        ? traffic[Math.floor(rnd() * traffic.length)]!
        : { lat: 30.55 + rnd() * 0.15, lon: 120.95 + rnd() * 0.25 },
    );
  let sink = 0;
  for (const p of points) sink += index.zonesAt(p.lat, p.lon).length; // warm-up
  const us = new Float64Array(queries);
  for (let i = 0; i < queries; i++) {
    const p = points[i]!;
    const t0 = process.hrtime.bigint();
    sink += index.zonesAt(p.lat, p.lon).length;
    us[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  if (sink < 0) throw new Error('unreachable');
  return us.sort();
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

export function measureRules(params: RulesBenchParams): RulesBenchResult {
  const zones = benchZones(params.zones);
  const routes = benchRoutes();
  const seconds = benchSeconds(params.vehicles, params.warmupS + params.seconds);
  const heapBefore = heapAfterGc();
  const engine = new RulesEngine(defaultRulesConfig);
  engine.setGeometry(zones, routes);
  const vehicles = benchVehicles(params.vehicles, routes.length);
  for (const v of vehicles) engine.setVehicle(v);
  const ids = vehicles.map((v) => v.vehicleId);
  const signals: Partial<Record<AlarmType, number>> = {};
  const run = (from: number, to: number) => {
    for (let s = from; s < to; s++) {
      const { vehicles: owners, positions } = seconds[s]!;
      for (let i = 0; i < positions.length; i++)
        for (const sig of engine.ingest(ids[owners[i]!]!, [positions[i]!]))
          signals[sig.type] = (signals[sig.type] ?? 0) + 1;
      for (const sig of engine.tick(BENCH_T0 + (s + 1) * 1000 + 900)) signals[sig.type] = (signals[sig.type] ?? 0) + 1;
    }
  };
  run(0, params.warmupS);
  let positions = 0;
  for (let s = params.warmupS; s < seconds.length; s++) positions += seconds[s]!.positions.length;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  run(params.warmupS, seconds.length);
  const cpu = process.cpuUsage(cpu0);
  const wallSeconds = (performance.now() - wall0) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const engineHeap = heapAfterGc() - heapBefore;
  const us = timeZonesAt(new ZoneIndex(zones), seconds, params.zoneQueries);
  const stats = engine.stats();
  return {
    params: { ...params, positions, routes: routes.length },
    cpuSeconds: round(cpuSeconds, 3),
    wallSeconds: round(wallSeconds, 3),
    cores: round(cpuSeconds / params.seconds, 4),
    positionsPerCpuSecond: Math.round(positions / cpuSeconds),
    zonesAtP50Us: round(percentile(us, 0.5), 2),
    zonesAtP99Us: round(percentile(us, 0.99), 2),
    engineHeapMb: gc ? round(engineHeap / 2 ** 20, 1) : null,
    loadAverage: round(os.loadavg()[0]!, 1),
    signals,
    late: stats.late,
    drift: stats.drift,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function resultFile(r: RulesBenchResult): object {
  const cpus = os.cpus();
  return {
    name: 'rules',
    date: new Date().toISOString(),
    machine: `${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    params: {
      ...r.params,
      cpuSeconds: r.cpuSeconds,
      wallSeconds: r.wallSeconds,
      loadAverage: r.loadAverage,
      signals: r.signals,
      late: r.late,
      drift: r.drift,
    },
    metrics: {
      cores_used: { value: r.cores, unit: 'cores', target: 1, better: 'lower' },
      positions_per_cpu_second: { value: r.positionsPerCpuSecond, unit: 'positions/s', better: 'higher' },
      zones_at_p50: { value: r.zonesAtP50Us, unit: 'µs', better: 'lower' },
      zones_at_p99: { value: r.zonesAtP99Us, unit: 'µs', better: 'lower' },
      ...(r.engineHeapMb === null ? {} : { engine_heap: { value: r.engineHeapMb, unit: 'MB', better: 'lower' } }),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [vehicles = 10_000, zones = 5_000, seconds = 60] = process.argv.slice(2).map(Number);
  const result = measureRules({ vehicles, zones, seconds, warmupS: 10, zoneQueries: 20_000 });
  const file = resultFile(result);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}rules.json`, `${JSON.stringify(file, null, 2)}\n`);
  console.log(JSON.stringify(file, null, 2));
}
