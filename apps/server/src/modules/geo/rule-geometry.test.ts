import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { seedTestFleet } from '../../gateway/test-gateway.js';
import { seedUser } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import type { Actor } from '../identity/actor.js';
import { demoTerminalPhone } from '../vehicles/demo-vehicles.js';
import { ApprovedRoutesService } from './approved-routes.service.js';
import { GeoChanges } from './geo-changes.js';
import { loadRuleGeometry, loadRuleVehicles } from './rule-geometry.js';
import { TripsService } from './trips.service.js';
import { ZonesService } from './zones.service.js';

const line = (lat: number) => ({
  type: 'LineString' as const,
  coordinates: [
    [121.0, lat],
    [121.05, lat],
  ] as [number, number][],
});

describe.each(engines)('geometry and vehicles for the rules engine on $name', (engine) => {
  let database: Database;
  let admin: Actor;
  let carriers: [string, string];
  const vehicle: Record<number, string> = {};

  beforeAll(async () => {
    database = await engine.open();
    carriers = await seedTestFleet(database, 5);
    const user = await seedUser(database, 'admin', 'admin');
    admin = {
      userId: user.id,
      username: 'admin',
      displayName: 'admin',
      role: 'admin',
      organisationId: null,
      locale: 'zh-CN',
    };
    for (const n of [1, 2, 3, 4, 5]) {
      const row = await database.db
        .selectFrom('vehicles')
        .select('id')
        .where('terminal_phone', '=', demoTerminalPhone(n))
        .executeTakeFirstOrThrow();
      vehicle[n] = row.id;
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('maps the active zones and routes to the rules types', async () => {
    const changes = new GeoChanges();
    const zones = new ZonesService(database.db, changes);
    const road = await zones.create(admin, {
      name: '杭浦高速',
      kind: 'road',
      roadClass: 'expressway',
      geometry: line(30.65),
      bufferM: 50,
      nightFrom: '00:00',
      nightTo: '06:00',
    });
    const gone = await zones.create(admin, {
      name: '旧限速区',
      kind: 'speed_limit',
      speedLimitKmh: 30,
      geometry: line(30.6),
      bufferM: 100,
    });
    await zones.deactivate(admin, gone.id);
    const routes = new ApprovedRoutesService(database.db, changes);
    const route = await routes.create(admin, {
      name: '环线',
      organisationId: carriers[0],
      geometry: line(30.62),
      bufferM: 200,
    });

    const { zones: ruleZones, routes: ruleRoutes } = await loadRuleGeometry(database.db);
    expect(ruleZones).toEqual([
      {
        id: road.id,
        name: '杭浦高速',
        kind: 'road',
        category: null,
        geometry: line(30.65),
        bufferM: 50,
        roadClass: 'expressway',
        speedLimitKmh: null,
        nightFrom: '00:00',
        nightTo: '06:00',
        maxParkingMinutes: null,
      },
    ]);
    expect(ruleRoutes).toEqual([{ id: route.id, name: '环线', geometry: line(30.62), bufferM: 200 }]);
  });

  it('gives each active vehicle its current trip: under way first, else planned around now', async () => {
    const trips = new TripsService(database.db, new GeoChanges());
    const now = new Date('2026-12-20T04:00:00Z');
    const open = (n: number, no: string, from: string, to: string, loaded = true) =>
      trips.create(admin, { vehicleId: vehicle[n]!, waybillNo: no, plannedStart: from, plannedEnd: to, loaded });
    // 1: a planned trip around now and an active one from yesterday → the active one.
    await open(1, 'T1-PLANNED', '2026-12-20T03:00:00Z', '2026-12-20T09:00:00Z');
    const active = await open(1, 'T1-ACTIVE', '2026-12-19T03:00:00Z', '2026-12-19T09:00:00Z', false);
    await trips.start(admin, active.id);
    // 2: planned, its window holds now.
    const planned = await open(2, 'T2-NOW', '2026-12-20T03:00:00Z', '2026-12-20T05:00:00Z');
    // 3: planned for later, and a finished one: no current trip.
    await open(3, 'T3-LATER', '2026-12-20T06:00:00Z', '2026-12-20T09:00:00Z');
    const done = await open(3, 'T3-DONE', '2026-12-20T01:00:00Z', '2026-12-20T05:00:00Z');
    await trips.start(admin, done.id);
    await trips.finish(admin, done.id);
    // 5: out of service, with a trip: not fed to the rules at all.
    await open(5, 'T5-NOW', '2026-12-20T03:00:00Z', '2026-12-20T05:00:00Z');
    await database.db.updateTable('vehicles').set({ active: false }).where('id', '=', vehicle[5]!).execute();

    const fed = await loadRuleVehicles(database.db, now);
    const byId = new Map(fed.map((v) => [v.vehicleId, v]));
    expect(byId.has(vehicle[5]!)).toBe(false);
    expect(fed).toHaveLength(4);
    expect(byId.get(vehicle[1]!)).toEqual({
      vehicleId: vehicle[1],
      organisationId: carriers[0],
      vehicleClass: 'tanker',
      trip: { id: active.id, routeId: null, loaded: false },
    });
    expect(byId.get(vehicle[2]!)!.trip).toEqual({ id: planned.id, routeId: null, loaded: true });
    expect(byId.get(vehicle[2]!)!.organisationId).toBe(carriers[1]);
    expect(byId.get(vehicle[3]!)!.trip).toBeNull();
    expect(byId.get(vehicle[4]!)!.trip).toBeNull();
    // Past its planned end the planned trip of vehicle 2 is no longer current.
    const later = await loadRuleVehicles(database.db, new Date('2026-12-20T05:00:01Z'));
    expect(later.find((v) => v.vehicleId === vehicle[2])!.trip).toBeNull();
  });
});
