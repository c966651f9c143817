import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../apps/server/src/db/client.js';
import { startTestGateway, type TestGateway } from '../../../apps/server/src/gateway/test-gateway.js';
import { engines } from '../../../apps/server/src/test-support/databases.js';
import { DISTRICT_LOOP, Drive } from './route.js';
import { runTerminals } from './run.js';

describe('Drive', () => {
  const inDistrict = (s: { lat: number; lon: number }) =>
    s.lat >= 30.58 && s.lat <= 30.665 && s.lon >= 121.02 && s.lon <= 121.15;

  it('drives the loop inside the district at speeds that suit each road, resting at the port and the park', () => {
    const drive = new Drive(DISTRICT_LOOP, { speeding: false, longDriving: false, roadsideStopMinutes: 0, seed: 0.3 });
    const states = Array.from({ length: 6 * 360 }, () => drive.advance(10));
    expect(states.every(inDistrict)).toBe(true);
    const moving = states.filter((s) => s.speedKmh > 0);
    expect(Math.max(...moving.filter((s) => s.road === 'expressway').map((s) => s.speedKmh))).toBeLessThanOrEqual(80);
    expect(Math.max(...moving.filter((s) => s.road === 'park').map((s) => s.speedKmh))).toBeLessThanOrEqual(30);
    expect(states.filter((s) => s.speedKmh === 0 && !s.acc).length).toBeGreaterThan(60);
    expect(states.at(-1)!.mileageKm).toBeGreaterThan(states[0]!.mileageKm);
  });

  it('speeds on the expressway and never rests when asked to', () => {
    const drive = new Drive(DISTRICT_LOOP, { speeding: true, longDriving: true, roadsideStopMinutes: 0, seed: 0.5 });
    const states = Array.from({ length: 4 * 360 }, () => drive.advance(10));
    expect(states.some((s) => s.road === 'expressway' && s.speedKmh > 80)).toBe(true);
    expect(states.every((s) => s.speedKmh > 0)).toBe(true);
  });
});

describe.each(engines)('runTerminals against a gateway on $name', (engine) => {
  let database: Database;
  let t: TestGateway;
  beforeAll(async () => {
    database = await engine.open();
    t = await startTestGateway(database, { vehicles: 6 });
  });
  afterAll(async () => {
    await t?.gateway.close();
    await database?.close();
  });

  it('logs terminals in, reports, loses signal and back-fills with 0x0704 type 1, all acknowledged', async () => {
    const r = await runTerminals({
      host: '127.0.0.1',
      port: t.gateway.port,
      vehicles: 5,
      intervalMs: 10,
      window: 4,
      durationS: 1.5,
      scenario: { signalLoss: true, speeding: true },
    });
    expect(r).toMatchObject({ terminals: 5, loggedIn: 5, loginFailures: 0, refused: 0, disconnected: 0 });
    expect(r.acked).toBe(r.sent);
    expect(r.backfilled).toBeGreaterThan(0);
    const blind = await database.db
      .selectFrom('positions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('blind_area', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(blind.n)).toBe(r.backfilled);
    const refused = await runTerminals({
      host: '127.0.0.1',
      port: t.gateway.port,
      vehicles: 2,
      firstVehicle: 90,
      intervalMs: 10,
      durationS: 0.1,
    });
    expect(refused).toMatchObject({ loggedIn: 0, loginFailures: 2 });
  });
});
