import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { LiveHub, type LiveAlarmEvent, type LivePositionEvent } from '../../gateway/live.js';
import { defaultRulesConfig, rulesConfig, type RulesConfig } from '../../rules/config.js';
import { RulesEngine } from '../../rules/engine.js';
import type { AlarmSignal, RuleVehicle } from '../../rules/types.js';
import { engines } from '../../test-support/databases.js';
import { loadRuleGeometry, loadRuleVehicles } from '../geo/rule-geometry.js';
import { alarmWorld, signal } from './alarm-fixture.js';
import { AlarmStore, publishAlarms } from './alarm-store.js';
import { RulesRunner, type RuleEngine } from './rules-runner.js';

const T0 = Date.parse('2026-12-20T02:00:00Z');

function positions(
  vehicle: { id: string; organisation_id: string },
  from: number,
  count: number,
  speedKmh: number,
): LivePositionEvent[] {
  return Array.from({ length: count }, (_, k) => ({
    organisationId: vehicle.organisation_id,
    plate: 'x',
    position: {
      vehicleId: vehicle.id,
      deviceTime: new Date(T0 + (from + k * 5) * 1000),
      receivedAt: new Date(T0 + (from + k * 5) * 1000 + 200),
      // About 80 km/h of movement whatever the reported speed: never a drift-sized jump.
      lat: 30.6 + (((from + k * 5) * 0.0002) % 0.05),
      lon: 121.1,
      speedKmh,
      heading: 0,
      altitudeM: 0,
      alarmBits: 0,
      statusBits: 3,
      mileageKm: null,
      blindArea: false,
      extras: null,
    },
  }));
}

/** An engine that answers every call with one signal per position, or throws when told to. */
class FakeEngine implements RuleEngine<RulesConfig> {
  vehicles = new Map<string, RuleVehicle>();
  throwing = false;
  calls = 0;
  setConfig(): void {}
  setGeometry(): void {}
  setVehicle(v: RuleVehicle): void {
    this.vehicles.set(v.vehicleId, v);
  }
  removeVehicle(id: string): void {
    this.vehicles.delete(id);
  }
  ingest(vehicleId: string, ps: { t: number }[]): AlarmSignal[] {
    this.calls++;
    if (this.throwing) throw new Error('rule bug');
    const v = this.vehicles.get(vehicleId)!;
    return ps.map((p) =>
      signal(
        { id: vehicleId, organisation_id: v.organisationId },
        { startedAt: p.t, lastAt: p.t, episodeKey: String(p.t) },
      ),
    );
  }
  presence(): AlarmSignal[] {
    return [];
  }
  tick(): AlarmSignal[] {
    return [];
  }
}

describe.each(engines)('rules runner on $name', (engine) => {
  let database: Database;
  let w: Awaited<ReturnType<typeof alarmWorld>>;

  beforeAll(async () => {
    database = await engine.open();
    w = await alarmWorld(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('turns committed positions into stored alarms published on the hub, and ends them', async () => {
    const hub = new LiveHub();
    const published: LiveAlarmEvent[] = [];
    hub.on('alarms', (events) => published.push(...events));
    const config = rulesConfig.parse({ ordering: { reorderWindowS: 0 } });
    let now = T0;
    const runner = new RulesRunner({
      hub,
      engine: new RulesEngine(config),
      store: new AlarmStore(database.db, () => new Date(now), publishAlarms(hub)),
      loadGeometry: () => loadRuleGeometry(database.db),
      loadVehicles: (at) => loadRuleVehicles(database.db, at),
      now: () => now,
    });
    await runner.start();
    const v = w.vehicles[0]!;
    // 40 s at 95 km/h on an ordinary road (limit 60: more than 50 % over, so critical), then back to 40 km/h.
    hub.emit('positions', positions(v, 0, 9, 95));
    hub.emit('positions', positions(v, 45, 4, 40));
    now = T0 + 70_000;
    await runner.idle();
    const rows = await database.db.selectFrom('alarms').selectAll().where('vehicle_id', '=', v.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'overspeed', severity: 'critical', started_at: new Date(T0) });
    expect(rows[0]!.ended_at).not.toBeNull();
    expect(rows[0]!.details).toMatchObject({ maxSpeedKmh: 95, limitKmh: 60 });
    expect(published.map((e) => [e.organisationId, e.alarm.id, e.alarm.type])).toContainEqual([
      v.organisation_id,
      rows[0]!.id,
      'overspeed',
    ]);
    expect(published.at(-1)!.alarm.endedAt).not.toBeNull();
    expect(runner.stats()).toMatchObject({
      positionsIn: 13,
      positionsDropped: 0,
      engineErrors: 0,
      signalsDropped: 0,
      signalsLost: 0,
    });
    // The terminal disconnects after its last report (judged first, in order); 11 minutes later it is offline.
    hub.emit('positions', positions(v, 70, 1, 40));
    hub.emit('presence', v.id, false);
    now = T0 + 70_000 + 11 * 60_000;
    runner.tick();
    await runner.idle();
    const offline = await database.db
      .selectFrom('alarms')
      .selectAll()
      .where('vehicle_id', '=', v.id)
      .where('type', '=', 'offline')
      .execute();
    expect(offline).toHaveLength(1);
    expect(offline[0]!.ended_at).toBeNull();
    await runner.stop();
  });

  it('watches a vehicle registered after start, reloads on a change signal, and survives an engine fault', async () => {
    const hub = new LiveHub();
    const fake = new FakeEngine();
    const listeners = new Set<() => void>();
    let vehicleLoads = 0;
    const runner = new RulesRunner({
      hub,
      engine: fake,
      store: new AlarmStore(database.db),
      loadGeometry: async () => ({ zones: [], routes: [] }),
      loadVehicles: async () => {
        vehicleLoads++;
        return vehicleLoads === 1
          ? []
          : [
              {
                vehicleId: w.vehicles[1]!.id,
                organisationId: w.vehicles[1]!.organisation_id,
                vehicleClass: 'tanker',
                trip: null,
              },
            ];
      },
      onGeoChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    });
    await runner.start();
    hub.emit('positions', positions(w.vehicles[1]!, 10_000, 2, 50));
    await runner.idle();
    // Unknown at start: adopted at once (its positions judged), then the reload brings its details.
    expect(fake.calls).toBe(1);
    await runner.reload();
    expect(fake.vehicles.get(w.vehicles[1]!.id)?.vehicleClass).toBe('tanker');
    for (const l of listeners) l();
    await runner.reload();
    expect(vehicleLoads).toBeGreaterThanOrEqual(3);
    fake.throwing = true;
    hub.emit('positions', positions(w.vehicles[1]!, 20_000, 2, 50));
    await runner.idle();
    expect(runner.stats()).toMatchObject({ engineErrors: 1, signalsIn: 2 });
    await runner.stop();
    expect(listeners.size).toBe(0);
    expect(hub.listenerCount('positions')).toBe(0);
  });

  it('never holds more than its bounds: an overloaded store costs counted, logged signals', async () => {
    const hub = new LiveHub();
    const fake = new FakeEngine();
    const logs: string[] = [];
    let release = () => {};
    const stalled = new Promise<void>((r) => (release = r));
    let batches = 0;
    const runner = new RulesRunner({
      hub,
      engine: fake,
      store: {
        apply: async () => {
          batches++;
          await stalled;
        },
      },
      loadGeometry: async () => ({ zones: [], routes: [] }),
      loadVehicles: async () => [
        {
          vehicleId: w.vehicles[2]!.id,
          organisationId: w.vehicles[2]!.organisation_id,
          vehicleClass: 'tanker',
          trip: null,
        },
      ],
      maxPendingPositions: 100,
      maxPendingSignals: 50,
      batchSize: 10,
      log: (m) => logs.push(m),
    });
    await runner.start();
    const v = w.vehicles[2]!;
    const turn = () => new Promise((r) => setImmediate(r));
    // 30 signals: a batch of 10 is being written (stalled), 20 wait; 30 more make 50, the bound; 30 more are dropped.
    for (const from of [0, 1000, 2000]) {
      hub.emit('positions', positions(v, from, 30, 50));
      await turn();
    }
    expect(runner.stats()).toMatchObject({ positionsIn: 90, signalsIn: 90, signalsDropped: 30, signalsPending: 50 });
    // The inbox holds at most 100 positions: of 60 + 60 arriving in one turn the second 60 are skipped.
    hub.emit('positions', positions(v, 3000, 60, 50));
    hub.emit('positions', positions(v, 4000, 60, 50));
    await turn();
    expect(runner.stats()).toMatchObject({
      positionsIn: 150,
      positionsDropped: 60,
      signalsIn: 150,
      signalsDropped: 90,
      signalsPending: 50,
    });
    expect(logs.some((m) => m.includes('60 positions skipped'))).toBe(true);
    expect(logs.some((m) => m.includes('30 alarm signals dropped'))).toBe(true);
    release();
    await runner.stop();
    expect(batches).toBe(6);
    expect(runner.stats()).toMatchObject({ signalsPending: 0, batchesStored: 6, signalsLost: 0 });
  });
});

describe('default rules config', () => {
  it('evaluates positions on arrival by default, so an alarm reaches the monitor within the pipeline’s latency', () => {
    expect(defaultRulesConfig.ordering.reorderWindowS).toBe(0);
  });
});
