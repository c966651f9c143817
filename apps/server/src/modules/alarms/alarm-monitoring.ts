import type { Db } from '../../db/client.js';
import type { LiveHub } from '../../gateway/live.js';
import type { RulesConfig } from '../../rules/config.js';
import { RulesEngine } from '../../rules/engine.js';
import type { GeoChanges } from '../geo/geo-changes.js';
import { loadRuleGeometry, loadRuleVehicles } from '../geo/rule-geometry.js';
import type { SettingsService } from '../settings/settings.service.js';
import { AlarmEscalation, startAlarmEscalation } from './alarm-escalation.js';
import type { HazardRecorder } from './alarm-hazards.js';
import { AlarmStore, publishAlarms } from './alarm-store.js';
import { RulesRunner, type RulesRunnerDeps } from './rules-runner.js';

type Log = (msg: string, err?: unknown) => void;

export interface RulesRunnerWiring {
  db: Db;
  hub: LiveHub;
  settings: SettingsService;
  /** The same GeoChanges the HTTP app signals on; without it geometry is only reloaded on the runner's timer. */
  geoChanges?: GeoChanges | undefined;
  log?: Log;
  /** Platform clock (tests); default the system clock. */
  now?: () => Date;
  /** Overrides of the runner's timing and bounds (tests, benchmarks). */
  tuning?: Pick<
    RulesRunnerDeps<RulesConfig>,
    'tickMs' | 'vehiclesReloadMs' | 'maxPendingPositions' | 'maxPendingSignals' | 'batchSize' | 'platformTime'
  >;
}

/**
 * The rules runner of a process that runs the gateway: the engine with the 'rules' settings, fed from the hub,
 * storing into the alarms table and publishing each stored alarm back on the hub (→ the live WebSocket).
 */
export async function startRulesRunner(w: RulesRunnerWiring): Promise<RulesRunner<RulesConfig>> {
  const engine = new RulesEngine(await w.settings.get('rules'));
  const now = w.now;
  const runner = new RulesRunner<RulesConfig>({
    hub: w.hub,
    engine,
    store: new AlarmStore(w.db, now, publishAlarms(w.hub)),
    loadGeometry: () => loadRuleGeometry(w.db),
    loadVehicles: (at) => loadRuleVehicles(w.db, at),
    loadConfig: () => w.settings.get('rules'),
    onConfigChange: (listener) => w.settings.onChange('rules', listener),
    ...(w.geoChanges ? { onGeoChange: (listener: () => void) => w.geoChanges!.onChange(() => listener()) } : {}),
    tickMs: 2000,
    ...(now ? { now: () => now().getTime() } : {}),
    ...(w.log ? { log: w.log } : {}),
    ...w.tuning,
  });
  await runner.start();
  return runner;
}

/**
 * The escalation job (every minute): unhandled alarms escalate and violations become hazards, with the 'alarms'
 * settings. Safe to run in every process: a run holds an advisory lock.
 */
export async function startAlarmJobs(w: {
  db: Db;
  settings: SettingsService;
  hazards: HazardRecorder;
  log?: Log;
  now?: () => Date;
  intervalMs?: number;
}): Promise<{ escalation: AlarmEscalation; stop(): Promise<void> }> {
  await w.settings.load();
  const escalation = new AlarmEscalation(w.db, w.hazards, { get: () => w.settings.peek('alarms') }, w.now);
  const job = startAlarmEscalation(escalation, {
    ...(w.intervalMs ? { intervalMs: w.intervalMs } : {}),
    ...(w.log ? { log: w.log } : {}),
  });
  return { escalation, stop: job.stop };
}
