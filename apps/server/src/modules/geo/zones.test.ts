import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../http/app.js';
import { login, seedOrganisation, seedUser } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { GeoChanges, type GeoChange } from './geo-changes.js';

const square = (lon: number, lat: number, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});
const school = { name: '测试小学', kind: 'restricted', category: 'school', geometry: square(121.08, 30.6) };

describe.each(engines)('zones API on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const changes: GeoChange[] = [];
  const cookies: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload }) });
  const issuePaths = (res: { json(): { error: { issues?: { path: string }[] } } }) =>
    res.json().error.issues?.map((i) => i.path);

  beforeAll(async () => {
    database = await engine.open();
    const geoChanges = new GeoChanges();
    geoChanges.onChange((c) => changes.push(c));
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false, geoChanges });
    const carrier = await seedOrganisation(database, { kind: 'enterprise', name: '测试危货运输公司' });
    await seedUser(database, 'admin', 'admin');
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'inspector', 'inspector');
    await seedUser(database, 'carrier', 'enterprise', carrier.id);
    for (const who of ['admin', 'monitor', 'inspector', 'carrier']) cookies[who] = await login(app, who);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lets monitors draw zones that every signed-in user reads, and records the event', async () => {
    const created = await call('monitor', 'POST', '/api/zones', school);
    expect(created.statusCode).toBe(201);
    const zone = created.json();
    expect(zone).toMatchObject({
      name: '测试小学',
      kind: 'restricted',
      category: 'school',
      active: true,
      bufferM: null,
    });
    expect(changes).toContainEqual({ entity: 'zone', id: zone.id });

    const listed = await call('carrier', 'GET', '/api/zones?kind=restricted');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((z: { id: string }) => z.id)).toEqual([zone.id]);
    expect((await call('carrier', 'GET', `/api/zones/${zone.id}`)).json().geometry).toEqual(school.geometry);
    expect((await app.inject({ url: '/api/zones' })).statusCode).toBe(401);

    const events = await database.db.selectFrom('events').selectAll().where('entity_id', '=', zone.id).execute();
    expect(events.map((e) => [e.entity_type, e.type])).toEqual([['zone', 'zone.created']]);
  });

  it('documents the geometry, trips and settings API in OpenAPI', async () => {
    const res = await app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/zones/{id}',
        '/api/routes/{id}/deactivate',
        '/api/trips/{id}/start',
        '/api/settings/{key}',
      ]),
    );
  });

  it('refuses writes by anyone but admin and monitor', async () => {
    expect((await call('carrier', 'POST', '/api/zones', school)).statusCode).toBe(403);
    expect((await call('inspector', 'POST', '/api/zones', school)).statusCode).toBe(403);
  });

  it('refuses bad geometry, naming the field', async () => {
    const open = square(121.08, 30.6);
    open.coordinates[0]!.pop();
    open.coordinates[0]!.push([121.0801, 30.6]);
    let res = await call('admin', 'POST', '/api/zones', { ...school, geometry: open });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['body.geometry.coordinates.0']);
    expect(res.json().error.issues[0].message).toMatch(/closed/);

    const farAway = square(181, 30.6);
    res = await call('admin', 'POST', '/api/zones', { ...school, geometry: farAway });
    expect(issuePaths(res)).toContain('body.geometry.coordinates.0.0.0');

    const short = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 30],
          [121.1, 30],
          [121, 30],
        ],
      ],
    };
    res = await call('admin', 'POST', '/api/zones', { ...school, geometry: short });
    expect(res.json().error.issues).toContainEqual(
      expect.objectContaining({ path: 'body.geometry.coordinates.0', message: 'a ring needs at least 4 positions' }),
    );

    const line = {
      type: 'LineString',
      coordinates: [
        [121.08, 30.6],
        [121.09, 30.61],
      ],
    };
    res = await call('admin', 'POST', '/api/zones', {
      name: '测试隧道',
      kind: 'restricted',
      category: 'tunnel',
      geometry: line,
    });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['body.bufferM']);
    res = await call('admin', 'POST', '/api/zones', { ...school, geometry: { type: 'Point', coordinates: [121, 30] } });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)?.[0]).toMatch(/^body\.geometry/);
  });

  it('checks what each kind needs, naming the field', async () => {
    const road = {
      name: '测试道路',
      kind: 'road',
      geometry: {
        type: 'LineString',
        coordinates: [
          [121, 30.6],
          [121.01, 30.6],
        ],
      },
      bufferM: 30,
    };
    let res = await call('admin', 'POST', '/api/zones', road);
    expect(issuePaths(res)).toEqual(['body.roadClass']);
    res = await call('admin', 'POST', '/api/zones', { ...school, kind: 'speed_limit' });
    expect(issuePaths(res)).toEqual(['body.speedLimitKmh']);
    res = await call('admin', 'POST', '/api/zones', { ...road, roadClass: 'expressway', nightFrom: '00:00' });
    expect(issuePaths(res)).toEqual(['body.nightTo']);
    res = await call('admin', 'POST', '/api/zones', {
      ...road,
      roadClass: 'expressway',
      nightFrom: '24:00',
      nightTo: '06:00',
    });
    expect(issuePaths(res)).toEqual(['body.nightFrom']);
    res = await call('admin', 'POST', '/api/zones', { ...school, roadClass: 'urban' });
    expect(issuePaths(res)).toEqual(['body.roadClass']);

    res = await call('admin', 'POST', '/api/zones', {
      ...road,
      roadClass: 'expressway',
      nightFrom: '00:00',
      nightTo: '06:00',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ roadClass: 'expressway', nightFrom: '00:00', nightTo: '06:00', bufferM: 30 });
  });

  it('updates a zone checking the rules on the result, and deactivates it', async () => {
    const zone = (await call('admin', 'POST', '/api/zones', { ...school, name: '测试幼儿园' })).json();
    changes.length = 0;

    // Becoming a road without a road class: refused, naming the field, and nothing changed.
    let res = await call('monitor', 'PATCH', `/api/zones/${zone.id}`, { kind: 'road' });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['body.roadClass']);
    expect((await call('admin', 'GET', `/api/zones/${zone.id}`)).json().kind).toBe('restricted');
    expect(changes).toEqual([]);

    res = await call('monitor', 'PATCH', `/api/zones/${zone.id}`, {
      kind: 'sensitive',
      maxParkingMinutes: 10,
      category: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'sensitive', maxParkingMinutes: 10, category: null, name: '测试幼儿园' });
    expect((await call('monitor', 'PATCH', `/api/zones/${zone.id}`, {})).statusCode).toBe(400);
    expect((await call('carrier', 'PATCH', `/api/zones/${zone.id}`, { name: '改名' })).statusCode).toBe(403);

    res = await call('monitor', 'POST', `/api/zones/${zone.id}/deactivate`);
    expect(res.json().active).toBe(false);
    expect((await call('monitor', 'POST', `/api/zones/${zone.id}/deactivate`)).json().active).toBe(false);
    const active = (await call('carrier', 'GET', '/api/zones?active=true')).json().items as { id: string }[];
    expect(active.some((z) => z.id === zone.id)).toBe(false);
    expect((await call('admin', 'PATCH', `/api/zones/${zone.id}`, { active: true })).json().active).toBe(true);

    const events = await database.db
      .selectFrom('events')
      .select(['type', 'payload'])
      .where('entity_id', '=', zone.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['zone.created', 'zone.updated', 'zone.deactivated', 'zone.reactivated']);
    expect(events[1]!.payload).toEqual({
      changes: {
        kind: { from: 'restricted', to: 'sensitive' },
        category: { from: 'school', to: null },
        maxParkingMinutes: { from: null, to: 10 },
      },
    });
    expect(changes).toEqual([
      { entity: 'zone', id: zone.id },
      { entity: 'zone', id: zone.id },
      { entity: 'zone', id: zone.id },
    ]);
    expect((await call('admin', 'GET', '/api/zones/7d0c1a2e-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
