import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../apps/server/src/db/client.js';
import { createGatewayRuntime } from '../../../apps/server/src/gateway/runtime.js';
import { startTestGateway, type TestGateway } from '../../../apps/server/src/gateway/test-gateway.js';
import { startRulesRunner } from '../../../apps/server/src/modules/alarms/alarm-monitoring.js';
import type { RulesRunner } from '../../../apps/server/src/modules/alarms/rules-runner.js';
import { SettingsService } from '../../../apps/server/src/modules/settings/settings.service.js';
import type { RulesConfig } from '../../../apps/server/src/rules/config.js';
import { seedUser } from '../../../apps/server/src/test-support/app.js';
import { engines } from '../../../apps/server/src/test-support/databases.js';
import { DISTRICT_LOOP } from './route.js';
import { runTerminals, type Scenario } from './run.js';

/** Device seconds per report and wall milliseconds per report: device time runs 3000× faster, 5 h in 6 s. */
const STEP_S = 60;
const INTERVAL_MS = 20;

/**
 * The whole chain over real TCP: simulator terminals with injected behaviours → gateway → durable ingest → rules
 * runner (the real engine, settings and geometry) → alarms table. Device time runs 3000× faster than the wall clock.
 * Rules that go by device time (speed, fatigue, night, parking) need nothing more. Silence is judged by platform
 * time, so the signal-loss run gets a runner whose platform clock runs as fast as the device clock of its terminal
 * (600×, slow enough for the terminal to report on schedule on a busy machine).
 */
describe.each(engines)('simulated violations raise their alarms on $name', (engine) => {
  let database: Database;
  let t: TestGateway;
  let settings: SettingsService;
  let runner: RulesRunner<RulesConfig> | undefined;
  const alarms = async (n: number) =>
    database.db
      .selectFrom('alarms as a')
      .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
      .selectAll('a')
      .where('v.terminal_phone', '=', `0138${String(n).padStart(8, '0')}`)
      .orderBy('a.started_at')
      .execute();
  /**
   * 08:00 Asia/Shanghai of the latest such morning at least 7 h ago: day runs start there, all of their device time
   * in the past (a device clock never ahead of the platform) and outside any night ban. The night run starts at 01:30.
   */
  const lastMorning = () => {
    const shanghai = new Date(Date.now() - 7 * 3600_000 + 8 * 3600_000);
    const morning = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate(), 0, 0);
    return morning > Date.now() - 7 * 3600_000 ? morning - 86_400_000 : morning;
  };
  const drive = (n: number, scenario: Scenario, o: { intervalMs: number; durationS: number; startTime: Date }) =>
    runTerminals({
      host: '127.0.0.1',
      port: t.gateway.port,
      vehicles: 1,
      firstVehicle: n,
      stepS: STEP_S,
      window: 16,
      scenario,
      ...o,
    });

  beforeAll(async () => {
    database = await engine.open();
    t = await startTestGateway(database, { vehicles: 5, runtime: createGatewayRuntime({ offlineAfterMs: 300_000 }) });
    // The loop's roads as road zones: expressway (80 km/h, night ban 00:00–06:00), the park (30), urban roads (60).
    await database.db
      .insertInto('zones')
      .values(
        DISTRICT_LOOP.map((w, i) => {
          const next = DISTRICT_LOOP[(i + 1) % DISTRICT_LOOP.length]!;
          return {
            name: `${w.name}—${next.name}`,
            kind: 'road' as const,
            road_class: w.road,
            buffer_m: 30,
            geometry: JSON.stringify({
              type: 'LineString',
              coordinates: [
                [w.lon, w.lat],
                [next.lon, next.lat],
              ],
            }),
          };
        }),
      )
      .execute();
    const admin = await seedUser(database, 'admin', 'admin');
    settings = new SettingsService(database.db);
    // Silent after 5 min: the simulator's signal loss is 10 reports, 10 min of device time.
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
      { presence: { silentAfterMin: 5 } },
    );
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.gateway.close();
    await database?.close();
  });

  it(
    'speeding, long driving, night driving and a roadside stop each raise their alarm',
    { timeout: 120_000 },
    async () => {
      runner = await startRulesRunner({ db: database.db, hub: t.runtime.hub, settings });
      const morning = lastMorning();
      const o = { intervalMs: INTERVAL_MS, durationS: 8, startTime: new Date(morning) };
      const results = await Promise.all([
        drive(1, { speeding: true }, o),
        drive(2, { longDriving: true }, o),
        drive(3, { night: true }, o),
        drive(4, { stops: true }, o),
      ]);
      await runner.stop();
      for (const r of results) expect(r).toMatchObject({ loggedIn: 1, refused: 0 });
      // At least 4.3 h of device time each, however busy the machine.
      expect(Math.min(...results.map((r) => r.acked))).toBeGreaterThanOrEqual(260);

      const speeding = (await alarms(1)).filter((a) => a.type === 'overspeed');
      expect(speeding.length).toBeGreaterThan(0);
      expect(speeding[0]!.details).toMatchObject({ roadClass: 'expressway', limitKmh: 80 });
      expect(Number(speeding[0]!.details.maxSpeedKmh)).toBeGreaterThan(88);

      const tired = await alarms(2);
      expect(tired.map((a) => a.type)).toEqual(expect.arrayContaining(['fatigue_warning', 'fatigue']));
      const fatigue = tired.find((a) => a.type === 'fatigue')!;
      // Raised once more than 4 h of continuous driving were behind the driver.
      expect(fatigue.last_at.getTime() - morning).toBeGreaterThanOrEqual(4 * 3600_000);

      const night = (await alarms(3)).filter((a) => a.type === 'night_driving');
      expect(night.length).toBeGreaterThan(0);
      const hour = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCHours();
      expect(hour(night[0]!.started_at)).toBeLessThan(6);
      expect((await alarms(1)).some((a) => a.type === 'night_driving')).toBe(false);

      const parked = (await alarms(4)).filter((a) => a.type === 'parking');
      expect(parked.length).toBeGreaterThan(0);
      // Only the 40-minute roadside stop is a violation; the scheduled 20-minute stops at the port and the park are not.
      expect(
        parked.every(
          (a) => Math.abs(a.lat! - DISTRICT_LOOP[9]!.lat) < 0.001 && Math.abs(a.lon! - DISTRICT_LOOP[9]!.lon) < 0.001,
        ),
      ).toBe(true);
      expect(runner.stats()).toMatchObject({ positionsDropped: 0, signalsDropped: 0, signalsLost: 0, engineErrors: 0 });
    },
  );

  it('signal loss: the silence is an alarm and the back-filled positions end it', { timeout: 60_000 }, async () => {
    const origin = Date.now();
    const speedup = (STEP_S * 1000) / 100;
    runner = await startRulesRunner({
      db: database.db,
      hub: t.runtime.hub,
      settings,
      tuning: { tickMs: 20, platformTime: (real) => origin + (real - origin) * speedup },
    });
    const r = await drive(
      5,
      { signalLoss: true },
      { intervalMs: 100, durationS: 6, startTime: new Date(lastMorning()) },
    );
    await runner.stop();
    expect(r).toMatchObject({ loggedIn: 1, refused: 0 });
    expect(r.backfilled).toBeGreaterThanOrEqual(10);
    const mine = await alarms(5);
    const silent = mine.filter((a) => a.type === 'silent' && a.ended_at !== null);
    expect(silent.length).toBeGreaterThan(0);
    // Ended by the back-filled positions after about the 10 minutes the signal was lost (a busy moment is shorter).
    expect(Math.max(...silent.map((a) => Number(a.details.durationMin)))).toBeGreaterThanOrEqual(9);
    const blind = await database.db
      .selectFrom('positions')
      .select('device_time')
      .where('blind_area', '=', true)
      .execute();
    expect(blind.length).toBe(r.backfilled);
    // The back-filled positions are ordinary data of a day drive: no drift, overspeed or night alarm of their own.
    expect(mine.filter((a) => ['drift', 'overspeed', 'night_driving'].includes(a.type))).toEqual([]);
    expect(runner.stats()).toMatchObject({ positionsDropped: 0, signalsDropped: 0, signalsLost: 0, engineErrors: 0 });
  });
});
