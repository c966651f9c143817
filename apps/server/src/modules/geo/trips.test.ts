import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { seedTestFleet } from '../../gateway/test-gateway.js';
import { buildApp } from '../../http/app.js';
import { login, seedUser } from '../../test-support/app.js';
import { TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { demoTerminalPhone } from '../vehicles/demo-vehicles.js';
import { GeoChanges, type GeoChange } from './geo-changes.js';

const line = {
  type: 'LineString',
  coordinates: [
    [121.102, 30.589],
    [121.095, 30.6],
    [121.07, 30.615],
  ],
};

describe.each(engines)('approved routes and trips on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let carriers: [string, string];
  const clock = new TestClock(new Date('2026-12-20T02:00:00Z'));
  const changes: GeoChange[] = [];
  const cookies: Record<string, string> = {};
  /** Vehicle n's id: odd n belong to the first carrier, even n to the second. */
  const vehicle: Record<number, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload }) });
  const paths = (res: { json(): { error: { issues?: { path: string }[] } } }) =>
    res.json().error.issues?.map((i) => i.path);
  const window = { plannedStart: '2026-12-20T00:00:00Z', plannedEnd: '2026-12-20T12:00:00Z' };

  beforeAll(async () => {
    database = await engine.open();
    const geoChanges = new GeoChanges();
    geoChanges.onChange((c) => changes.push(c));
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      database,
      logger: false,
      geoChanges,
      now: clock.now,
    });
    carriers = await seedTestFleet(database, 4);
    for (const n of [1, 2, 3, 4]) {
      const row = await database.db
        .selectFrom('vehicles')
        .select('id')
        .where('terminal_phone', '=', demoTerminalPhone(n))
        .executeTakeFirstOrThrow();
      vehicle[n] = row.id;
    }
    await seedUser(database, 'admin', 'admin');
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'leader', 'leader');
    await seedUser(database, 'carrier-a', 'enterprise', carriers[0]);
    await seedUser(database, 'carrier-b', 'enterprise', carriers[1]);
    for (const who of ['admin', 'monitor', 'leader', 'carrier-a', 'carrier-b']) cookies[who] = await login(app, who);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  let routeA: string;
  let routeB: string;
  let shared: string;

  it('approves routes; a carrier sees its own and the shared ones, never another’s', async () => {
    const mk = async (name: string, organisationId?: string) => {
      const res = await call('monitor', 'POST', '/api/routes', {
        name,
        geometry: line,
        ...(organisationId ? { organisationId } : {}),
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; bufferM: number; organisationName: string | null };
    };
    const a = await mk('A 企业核定路线', carriers[0]);
    expect(a).toMatchObject({ bufferM: 200, organisationName: '嘉港危货运输有限公司(演示)' });
    routeA = a.id;
    routeB = (await mk('B 企业核定路线', carriers[1])).id;
    shared = (await mk('港区公共路线')).id;
    expect(changes.filter((c) => c.entity === 'route')).toHaveLength(3);

    const seen = (await call('carrier-a', 'GET', '/api/routes')).json().items.map((r: { id: string }) => r.id);
    expect(seen.sort()).toEqual([routeA, shared].sort());
    expect((await call('carrier-a', 'GET', `/api/routes?organisationId=${carriers[1]}`)).json().items).toEqual([
      expect.objectContaining({ id: shared }),
    ]);
    expect((await call('carrier-a', 'GET', `/api/routes/${routeB}`)).statusCode).toBe(404);
    expect((await call('carrier-a', 'GET', `/api/routes/${shared}`)).statusCode).toBe(200);
    expect((await call('leader', 'GET', '/api/routes')).json().items).toHaveLength(3);

    expect((await call('carrier-a', 'POST', '/api/routes', { name: '自定路线', geometry: line })).statusCode).toBe(403);
    const bad = await call('admin', 'POST', '/api/routes', {
      name: '坏路线',
      geometry: { ...line, coordinates: [[121, 30]] },
    });
    expect(paths(bad)).toEqual(['body.geometry.coordinates']);
    const notCarrier = await call('admin', 'POST', '/api/routes', {
      name: '无主路线',
      geometry: line,
      organisationId: '7d0c1a2e-0000-4000-8000-000000000000',
    });
    expect(paths(notCarrier)).toEqual(['body.organisationId']);
    const updated = await call('admin', 'PATCH', `/api/routes/${shared}`, { bufferM: 300 });
    expect(updated.json()).toMatchObject({ bufferM: 300 });
    const events = await database.db
      .selectFrom('events')
      .select('type')
      .where('entity_id', '=', shared)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['route.created', 'route.updated']);
  });

  let tripA: string;

  it('lets a carrier open a waybill for its own vehicle on its route, refusing others by name', async () => {
    const body = { vehicleId: vehicle[1], waybillNo: 'JG-20261220-001', routeId: routeA, ...window };
    const created = await call('carrier-a', 'POST', '/api/trips', body);
    expect(created.statusCode).toBe(201);
    const trip = created.json();
    expect(trip).toMatchObject({
      status: 'planned',
      loaded: true,
      organisationId: carriers[0],
      routeName: 'A 企业核定路线',
      // No cargo given: the vehicle's registered cargo (demo vehicle 1 carries 环氧乙烷).
      cargoUn: 'UN1040',
      cargoName: '环氧乙烷',
      plannedStart: '2026-12-20T00:00:00.000Z',
    });
    tripA = trip.id;
    expect(changes).toContainEqual({ entity: 'trip', id: tripA });

    expect((await call('carrier-a', 'POST', '/api/trips', body)).statusCode).toBe(409);
    // Another carrier's vehicle reads as no vehicle; another carrier's route as no route.
    const foreign = await call('carrier-a', 'POST', '/api/trips', {
      ...body,
      waybillNo: 'JG-2',
      vehicleId: vehicle[2],
    });
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign)).toEqual(['body.vehicleId']);
    const wrongRoute = await call('carrier-a', 'POST', '/api/trips', { ...body, waybillNo: 'JG-3', routeId: routeB });
    expect(paths(wrongRoute)).toEqual(['body.routeId']);
    const backwards = await call('carrier-a', 'POST', '/api/trips', {
      ...body,
      waybillNo: 'JG-4',
      plannedEnd: '2026-12-19T00:00:00Z',
    });
    expect(paths(backwards)).toEqual(['body.plannedEnd']);
    expect((await call('leader', 'POST', '/api/trips', { ...body, waybillNo: 'JG-5' })).statusCode).toBe(403);

    // The monitoring centre writes for any carrier, on a shared route, with the cargo it names.
    const byMonitor = await call('monitor', 'POST', '/api/trips', {
      vehicleId: vehicle[2],
      waybillNo: 'GT-20261220-001',
      routeId: shared,
      cargoUn: 'UN1005',
      cargoName: '液氨',
      loaded: false,
      ...window,
    });
    expect(byMonitor.statusCode).toBe(201);
    expect(byMonitor.json()).toMatchObject({ organisationId: carriers[1], loaded: false, cargoUn: 'UN1005' });
  });

  it('scopes trips like vehicles: another carrier’s trip answers 404', async () => {
    expect((await call('carrier-b', 'GET', `/api/trips/${tripA}`)).statusCode).toBe(404);
    expect((await call('carrier-b', 'POST', `/api/trips/${tripA}/start`)).statusCode).toBe(404);
    const mine = (await call('carrier-b', 'GET', '/api/trips')).json();
    expect(mine.items.every((t: { organisationId: string }) => t.organisationId === carriers[1])).toBe(true);
    expect(mine.total).toBe(1);
    const all = (await call('monitor', 'GET', `/api/trips?vehicleId=${vehicle[1]}`)).json();
    expect(all.items.map((t: { id: string }) => t.id)).toEqual([tripA]);
    expect((await call('monitor', 'GET', '/api/trips?status=planned')).json().total).toBe(2);
  });

  it('moves a trip planned → under way → done, one trip under way per vehicle', async () => {
    const second = (
      await call('carrier-a', 'POST', '/api/trips', { vehicleId: vehicle[1], waybillNo: 'JG-20261220-002', ...window })
    ).json();
    expect((await call('carrier-a', 'POST', `/api/trips/${tripA}/finish`)).json().error.code).toBe(
      'illegal_transition',
    );
    const started = await call('carrier-a', 'POST', `/api/trips/${tripA}/start`);
    expect(started.json().status).toBe('active');
    const clash = await call('carrier-a', 'POST', `/api/trips/${second.id}/start`);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('JG-20261220-001');
    expect((await call('carrier-a', 'POST', `/api/trips/${tripA}/start`)).statusCode).toBe(409);
    expect((await call('carrier-a', 'POST', `/api/trips/${tripA}/finish`)).json().status).toBe('done');
    const cancelled = await call('carrier-a', 'POST', `/api/trips/${second.id}/cancel`, { reason: '客户取消订单' });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await call('carrier-a', 'POST', `/api/trips/${second.id}/start`)).statusCode).toBe(409);

    const events = await database.db
      .selectFrom('events')
      .select(['entity_type', 'type', 'payload', 'organisation_id'])
      .where('entity_id', 'in', [tripA, second.id])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'trip.created',
      'trip.created',
      'trip.started',
      'trip.finished',
      'trip.cancelled',
    ]);
    expect(events.every((e) => e.entity_type === 'trip' && e.organisation_id === carriers[0])).toBe(true);
    expect(events[4]!.payload).toEqual({ from: 'planned', to: 'cancelled', reason: '客户取消订单' });
  });
});
