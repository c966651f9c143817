import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LocationInput } from '../../../apps/server/src/gateway/jt808/index.js';
import { demoPlate, demoTerminalPhone } from '../../../apps/server/src/modules/vehicles/demo-vehicles.js';
import { DISTRICT_LOOP, Drive } from './route.js';
import { VirtualTerminal, type AckListener } from './terminal.js';

export interface Scenario {
  /** Drive the expressway above the 80 km/h hazmat limit. */
  speeding?: boolean;
  /** No rest at the port or the park: continuous driving. */
  longDriving?: boolean;
  /** Device clock set to 01:30 (Asia/Shanghai) of the latest night not after the start time: runs at night. */
  night?: boolean;
  /** An unscheduled 40-minute roadside stop once per loop. */
  stops?: boolean;
  /** Lose the signal for 10 of every 40 reports, then back-fill them with 0x0704 type 1. */
  signalLoss?: boolean;
}

export interface RunOptions {
  host: string;
  port: number;
  /** Terminals to run: demo vehicles `firstVehicle` … `firstVehicle + vehicles − 1` (phones 0138000000NN). */
  vehicles: number;
  firstVehicle?: number;
  /** Wall-clock time between two reports of one terminal. */
  intervalMs: number;
  /**
   * Device time between two reports; defaults to the interval, at least 1 s (device times are whole seconds).
   * A step longer than the interval runs device time faster than the wall clock: stepS 60 with intervalMs 20 drives
   * 5 h in 6 s (time acceleration, for tests of fatigue, parking and night rules).
   */
  stepS?: number;
  /** Device time of the first report; defaults to now. */
  startTime?: Date;
  /** Stop after this many seconds; without it, run until `signal` aborts. */
  durationS?: number;
  signal?: AbortSignal;
  /** Most reports of one terminal awaiting their 0x8001; default 1 (a terminal that waits for each answer). */
  window?: number;
  heartbeatS?: number;
  scenario?: Scenario;
  version?: 2013 | 2019;
  /** Logins in parallel at start; default 200. */
  connectConcurrency?: number;
  onAck?: AckListener;
  /** Ack latencies of reports sent in the first seconds (JIT and cache warm-up) are not counted; default 0. */
  warmupS?: number;
  /** Called with a progress line about every 5 s (the CLI prints it). */
  onProgress?: (line: string) => void;
}

export interface RunResult {
  terminals: number;
  loggedIn: number;
  loginFailures: number;
  /** Positions sent, acknowledged (result 0), refused (result ≠ 0). */
  sent: number;
  acked: number;
  refused: number;
  /** Positions sent late in 0x0704 type 1 after a signal loss. */
  backfilled: number;
  /** Terminals whose connection closed during the run. */
  disconnected: number;
  seconds: number;
  ackLatencyMs: { p50: number; p99: number; max: number; count: number };
  /**
   * The terminals' own event-loop delay while reporting (after the warm-up): an answer that arrives while this loop is
   * busy is read late, and that wait is part of the ack latencies above though the platform is not to blame.
   */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

const STATUS_FIXED = 0x2 | (1 << 18) | (1 << 19);

interface Sim {
  terminal: VirtualTerminal;
  drive: Drive;
  n: number;
  sent: number;
  lost: LocationInput[];
  /** Offset within the interval: real terminals are not synchronised, so reports spread over it. */
  phaseMs: number;
}

/** 01:30 Asia/Shanghai of the latest night not after `reference` (never in the future: a wrong clock). */
export function nightStart(reference: Date): Date {
  const shanghai = new Date(reference.getTime() + 8 * 3600_000);
  const today =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), 1, 30) - 8 * 3600_000;
  return new Date(today <= reference.getTime() ? today : today - 86_400_000);
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
}

/**
 * Runs K virtual terminals against host:port: each registers (or re-registers: the same terminal gets its code back),
 * authenticates and reports along the district loop. Used by the CLI, the tests and the benchmarks; returns counts.
 */
export async function runTerminals(o: RunOptions): Promise<RunResult> {
  const first = o.firstVehicle ?? 1;
  const scenario = o.scenario ?? {};
  const window = o.window ?? 1;
  const stepMs = Math.max(1, o.stepS ?? Math.round(o.intervalMs / 1000)) * 1000;
  const start = scenario.night ? nightStart(o.startTime ?? new Date()) : (o.startTime ?? new Date());
  const t0 = Math.floor(start.getTime() / 1000) * 1000;
  const latencies: number[] = [];
  // Set when the reporting starts; until then (logins) nothing is measured.
  let measureFrom = Infinity;
  const sims: Sim[] = [];
  for (let i = 0; i < o.vehicles; i++) {
    const n = first + i;
    const terminal = new VirtualTerminal({
      host: o.host,
      port: o.port,
      phone: demoTerminalPhone(n),
      plate: demoPlate(n),
      terminalId: `S${String(n).padStart(6, '0')}`,
      ...(o.version ? { version: o.version } : {}),
    });
    terminal.onAck = (phone, times, ms) => {
      if (performance.now() - ms >= measureFrom) latencies.push(ms);
      o.onAck?.(phone, times, ms);
    };
    const drive = new Drive(DISTRICT_LOOP, {
      speeding: scenario.speeding ?? false,
      longDriving: scenario.longDriving ?? false,
      roadsideStopMinutes: scenario.stops ? 40 : 0,
      seed: ((n * 0.618034) % 1) + 1e-9,
    });
    sims.push({ terminal, drive, n, sent: 0, lost: [], phaseMs: (i / o.vehicles) * o.intervalMs });
  }

  let loginFailures = 0;
  const queue = [...sims];
  await Promise.all(
    Array.from({ length: Math.min(o.connectConcurrency ?? 200, sims.length) }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        try {
          await s.terminal.connect();
          await s.terminal.login();
        } catch {
          loginFailures++;
          s.terminal.destroy();
        }
      }
    }),
  );
  const live = sims.filter((s) => s.terminal.connected);

  const began = performance.now();
  measureFrom = began + (o.warmupS ?? 0) * 1000;
  const eld = monitorEventLoopDelay({ resolution: 5 });
  const eldStart = setTimeout(() => eld.enable(), (o.warmupS ?? 0) * 1000);
  const stopAt = o.durationS === undefined ? Infinity : began + o.durationS * 1000;
  let backfilled = 0;
  let lastHeartbeat = began;
  let lastProgress = began;

  const position = (s: Sim, k: number): LocationInput => {
    const state = s.drive.advance(stepMs / 1000);
    const overspeed = state.speedKmh > 80 ? 0x2 : 0;
    return {
      alarm: overspeed,
      status: STATUS_FIXED | (state.acc ? 1 : 0),
      latitude: state.lat,
      longitude: state.lon,
      altitude: 4,
      speed: state.speedKmh,
      direction: state.heading,
      time: new Date(t0 + k * stepMs),
      items: { mileageKm: state.mileageKm, signalStrength: 24, satellites: 14 },
    };
  };

  const tick = () => {
    const now = performance.now();
    for (const s of live) {
      const t = s.terminal;
      const due = Math.floor((now - began - s.phaseMs) / o.intervalMs) + 1;
      if (s.sent >= due) continue;
      t.cork();
      while (s.sent < due && t.connected && t.inFlight < window && t.writable) {
        const p = position(s, s.sent);
        s.sent++;
        const losing = scenario.signalLoss && s.sent % 40 >= 30;
        if (losing) {
          s.lost.push(p);
          continue;
        }
        if (s.lost.length > 0) {
          // Back-fill in frames of at most 20 positions, well under the 1023-byte body limit.
          for (let i = 0; i < s.lost.length; i += 20) t.reportBatch(s.lost.slice(i, i + 20), 1);
          backfilled += s.lost.length;
          s.lost = [];
        }
        t.report(p);
      }
      t.uncork();
    }
    if (o.heartbeatS && now - lastHeartbeat > o.heartbeatS * 1000) {
      lastHeartbeat = now;
      for (const s of live) if (s.terminal.connected) void s.terminal.heartbeat().catch(() => {});
    }
    if (o.onProgress && now - lastProgress > 5000) {
      lastProgress = now;
      const acked = live.reduce((a, s) => a + s.terminal.acked, 0);
      o.onProgress(
        `${Math.round((now - began) / 1000)} s: ${live.filter((s) => s.terminal.connected).length} connected, ${acked} positions acknowledged`,
      );
    }
  };

  const tickMs = Math.max(1, Math.min(50, Math.floor(o.intervalMs / 4)));
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() >= stopAt || o.signal?.aborted) {
        clearInterval(timer);
        resolve();
        return;
      }
      tick();
    }, tickMs);
  });
  const seconds = (performance.now() - began) / 1000;
  clearTimeout(eldStart);
  eld.disable();
  const eldMs = (ns: number) => (eld.count > 0 ? Math.round(ns / 1e5) / 10 : 0);
  const disconnected = live.filter((s) => !s.terminal.connected).length;
  await Promise.all(live.map((s) => s.terminal.settle(5000)));
  await Promise.all(sims.map((s) => s.terminal.close()));

  const sorted = Float64Array.from(latencies).sort();
  return {
    terminals: sims.length,
    loggedIn: live.length,
    loginFailures,
    sent: sims.reduce((a, s) => a + s.terminal.sentPositions, 0),
    acked: sims.reduce((a, s) => a + s.terminal.acked, 0),
    refused: sims.reduce((a, s) => a + s.terminal.refused, 0),
    backfilled,
    disconnected,
    seconds: Math.round(seconds * 100) / 100,
    ackLatencyMs: {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: percentile(sorted, 1),
      count: sorted.length,
    },
    eventLoopDelayMs: { p50: eldMs(eld.percentile(50)), p99: eldMs(eld.percentile(99)), max: eldMs(eld.max) },
  };
}
