/**
 * npm run simulate -- --vehicles N [--host H] [--port P] [--interval-ms MS] [--duration-s S]
 *                     [--speeding] [--long-driving] [--night] [--stops] [--signal-loss] [--version 2013|2019]
 *                     [--window W] [--start-ago-s S] [--step-s S] [--connect-concurrency C] [--quiet]
 * Runs N virtual terminals (the demo vehicles 0138000000NN) against a running Anlan until Ctrl-C or --duration-s.
 */
import { parseArgs } from 'node:util';
import { runTerminals } from './run.js';

const { values: v } = parseArgs({
  options: {
    vehicles: { type: 'string', default: '30' },
    first: { type: 'string', default: '1' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: process.env.JT808_PORT ?? '8808' },
    'interval-ms': { type: 'string', default: '10000' },
    'duration-s': { type: 'string' },
    window: { type: 'string', default: '1' },
    'start-ago-s': { type: 'string', default: '0' },
    /** Device seconds per report; more than --interval-ms speeds device time up (e.g. 60 with 20 ms: 3000×). */
    'step-s': { type: 'string' },
    'warmup-s': { type: 'string', default: '0' },
    'connect-concurrency': { type: 'string', default: '200' },
    quiet: { type: 'boolean', default: false },
    version: { type: 'string', default: '2013' },
    speeding: { type: 'boolean', default: false },
    'long-driving': { type: 'boolean', default: false },
    night: { type: 'boolean', default: false },
    stops: { type: 'boolean', default: false },
    'signal-loss': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const int = (name: string, value: string | undefined, min: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`simulate: --${name} must be an integer ≥ ${min}, got ${value}\n`);
    process.exit(2);
  }
  return n;
};

if (v.help) {
  process.stdout.write(`usage: npm run simulate -- --vehicles N [--host H --port P --interval-ms MS --duration-s S]
       [--speeding] [--long-driving] [--night] [--stops] [--signal-loss] [--version 2013|2019] [--first K]
       [--window W (reports in flight per terminal)] [--start-ago-s S] [--warmup-s S] [--connect-concurrency C] [--quiet]
       [--step-s S (device seconds per report; with a short --interval-ms, time runs faster: --step-s 60 --interval-ms 20
        drives 5 h in 6 s; start in the past with --start-ago-s so that device clocks never run ahead of the platform)]\n`);
  process.exit(0);
}

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
const version = v.version === '2019' ? 2019 : 2013;
const result = await runTerminals({
  host: v.host,
  port: int('port', v.port, 1),
  vehicles: int('vehicles', v.vehicles, 1),
  firstVehicle: int('first', v.first, 1),
  intervalMs: int('interval-ms', v['interval-ms'], 1),
  ...(v['step-s'] ? { stepS: int('step-s', v['step-s'], 1) } : {}),
  ...(v['duration-s'] ? { durationS: int('duration-s', v['duration-s'], 1) } : {}),
  window: int('window', v.window, 1),
  startTime: new Date(Date.now() - int('start-ago-s', v['start-ago-s'], 0) * 1000),
  connectConcurrency: int('connect-concurrency', v['connect-concurrency'], 1),
  warmupS: int('warmup-s', v['warmup-s'], 0),
  version,
  heartbeatS: 60,
  signal: controller.signal,
  scenario: {
    speeding: v.speeding,
    longDriving: v['long-driving'],
    night: v.night,
    stops: v.stops,
    signalLoss: v['signal-loss'],
  },
  ...(v.quiet ? {} : { onProgress: (line: string) => process.stderr.write(`${line}\n`) }),
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exit(result.loginFailures === result.terminals ? 1 : 0);
