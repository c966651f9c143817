import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_LOOP, Drive } from '../../../../../tools/simulator/src/route.js';
import type { Database } from '../../db/client.js';
import type { PositionRecord } from '../../gateway/position-record.js';
import { seedTestFleet } from '../../gateway/test-gateway.js';
import { login, seedUser, testApp } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { signal } from '../alarms/alarm-fixture.js';
import { AlarmStore } from '../alarms/alarm-store.js';
import { insertPositions } from './positions.repository.js';

/**
 * A day of one tanker on the district loop, a report every 10 s, with its scheduled stops and a roadside one, and
 * the ±3 m jitter of a real GNSS fix (the simulator's roads are straight lines, which would flatter the thinning).
 */
function day(vehicleId: string, start: number): PositionRecord[] {
  const drive = new Drive(DISTRICT_LOOP, { speeding: true, longDriving: false, roadsideStopMinutes: 40, seed: 0.37 });
  let seed = 42;
  const jitterM = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return (seed / 2 ** 31 - 0.5) * 6;
  };
  return Array.from({ length: 8640 }, (_, k) => {
    const s = drive.advance(10);
    return {
      vehicleId,
      deviceTime: new Date(start + k * 10_000),
      receivedAt: new Date(start + k * 10_000 + 300),
      lat: s.lat + jitterM() / 111_320,
      lon: s.lon + jitterM() / 95_900,
      speedKmh: s.speedKmh,
      heading: s.heading,
      altitudeM: 4,
      alarmBits: 0,
      statusBits: 3,
      mileageKm: s.mileageKm,
      blindArea: false,
      extras: null,
    };
  });
}

describe.each(engines)('track playback on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;
  let other: string;
  let vehicle: { id: string; organisation_id: string };
  let track: PositionRecord[];
  const start = Date.UTC(2026, 11, 1, 0, 0, 0);

  beforeAll(async () => {
    database = await engine.open();
    const carriers = await seedTestFleet(database, 2);
    vehicle = await database.db
      .selectFrom('vehicles')
      .select(['id', 'organisation_id'])
      .where('organisation_id', '=', carriers[0])
      .executeTakeFirstOrThrow();
    track = day(vehicle.id, start);
    for (let i = 0; i < track.length; i += 2000) await insertPositions(database.db, track.slice(i, i + 2000));
    // Two alarm episodes: 20 minutes of speeding on the expressway at 10:00, a night alarm still open at the end.
    await new AlarmStore(database.db).apply([
      signal(vehicle, {
        kind: 'close',
        startedAt: start + 10 * 3600_000,
        lastAt: start + 10 * 3600_000 + 1200_000,
        endedAt: start + 10 * 3600_000 + 1200_000,
        episodeKey: 'a',
      }),
      signal(vehicle, {
        type: 'night_driving',
        startedAt: start + 23.5 * 3600_000,
        lastAt: start + 23.9 * 3600_000,
        episodeKey: 'b',
      }),
    ]);
    app = await testApp(database);
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'other', 'enterprise', carriers[1]);
    cookie = await login(app, 'monitor');
    other = await login(app, 'other');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const url = (toleranceM?: number) =>
    `/api/vehicles/${vehicle.id}/playback?from=${new Date(start).toISOString()}&to=${new Date(start + 24 * 3600_000).toISOString()}${toleranceM === undefined ? '' : `&toleranceM=${toleranceM}`}`;

  it('thins a day of track for display but keeps every alarm position, both ends and each stop', async () => {
    const res = await app.inject({ url: url(), headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const p = res.json() as {
      totalPoints: number;
      toleranceM: number;
      points: { deviceTime: string }[];
      stops: { from: string; to: string; durationS: number }[];
      alarms: { type: string; startedAt: string }[];
    };
    expect(p.totalPoints).toBe(8640);
    expect(p.toleranceM).toBe(5);
    const kept = new Set(p.points.map((x) => Date.parse(x.deviceTime)));
    const times = track.map((x) => x.deviceTime.getTime());
    expect(kept.has(times[0]!) && kept.has(times.at(-1)!)).toBe(true);
    const inside = (from: number, to: number) => times.filter((t) => t >= from && t <= to);
    for (const t of inside(start + 10 * 3600_000, start + 10 * 3600_000 + 1200_000)) expect(kept.has(t)).toBe(true);
    for (const t of inside(start + 23.5 * 3600_000, start + 23.9 * 3600_000)) expect(kept.has(t)).toBe(true);
    expect(p.alarms.map((a) => a.type)).toEqual(['overspeed', 'night_driving']);
    // Scheduled 20-minute stops at the port and the park, and the 40-minute roadside stop, each loop.
    expect(p.stops.length).toBeGreaterThanOrEqual(6);
    expect(p.stops.some((s) => s.durationS >= 40 * 60 - 10)).toBe(true);
    for (const s of p.stops) expect(kept.has(Date.parse(s.from)) && kept.has(Date.parse(s.to))).toBe(true);
    const alarmPoints =
      inside(start + 10 * 3600_000, start + 10 * 3600_000 + 1200_000).length +
      inside(start + 23.5 * 3600_000, start + 23.9 * 3600_000).length;
    const coarse = (await app.inject({ url: url(50), headers: { cookie } })).json() as { points: unknown[] };
    process.stdout.write(
      `playback: ${p.totalPoints} positions → ${p.points.length} at 5 m (${alarmPoints} of them alarm positions, ${p.stops.length} stops), ${coarse.points.length} at 50 m\n`,
    );
    expect(p.points.length).toBeLessThan(p.totalPoints * 0.25);
    expect(coarse.points.length).toBeLessThan(p.points.length);
    expect(coarse.points.length).toBeGreaterThan(alarmPoints);
  });

  it('refuses other carriers and bad periods', async () => {
    expect((await app.inject({ url: url(), headers: { cookie: other } })).statusCode).toBe(404);
    const bad = await app.inject({ url: url(-1), headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('query.toleranceM');
  });
});
