import type { HazardStatus, MapFeatures } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../http/app.js';
import { login, seedOrganisation, seedUser } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { SubjectsService } from '../subjects/subjects.service.js';

const NOW = new Date('2026-12-20T02:00:00Z');
const DAY = 86_400_000;
const line = (lon: number, lat: number) => ({
  type: 'LineString',
  coordinates: [
    [lon, lat],
    [lon + 0.01, lat + 0.005],
  ],
});
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

describe.each(engines)('GET /api/map/features on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const features = async (who: string): Promise<MapFeatures> => {
    const res = await app.inject({ url: '/api/map/features', headers: { cookie: cookies[who]! } });
    expect(res.statusCode).toBe(200);
    return res.json<MapFeatures>();
  };

  beforeAll(async () => {
    database = await engine.open();
    const { db } = database;
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false, now: () => NOW });
    const entA = await seedOrganisation(database, { kind: 'enterprise', name: '三江化工有限公司' });
    const entB = await seedOrganisation(database, { kind: 'enterprise', name: '港通危货运输有限公司' });
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'ent-a', 'enterprise', entA.id);
    await seedUser(database, 'ent-b', 'enterprise', entB.id);
    for (const who of ['monitor', 'ent-a', 'ent-b']) cookies[who] = await login(app, who);

    const subjects = new SubjectsService(db);
    const siteA = await subjects.create(null, {
      type: 'chemical_enterprise',
      name: '三江化工AEO装置',
      organisationId: entA.id,
      lat: 30.61,
      lon: 121.08,
    });
    const siteB = await subjects.create(null, {
      type: 'hazmat_carrier',
      name: '港通危货停车场',
      organisationId: entB.id,
      lat: 30.62,
      lon: 121.05,
    });
    // No position: it cannot be drawn, and neither can its hazards.
    const nowhere = await subjects.create(null, { type: 'household', name: '无坐标住户', organisationId: entA.id });
    Object.assign(ids, { siteA: siteA.id, siteB: siteB.id, entA: entA.id, entB: entB.id });
    await db
      .insertInto('subject_risk_levels')
      .values({
        subject_id: siteA.id,
        colour: 'red',
        score: 180,
        factors: JSON.stringify([]),
        inspection_frequency_days: 7,
        digest: 'x',
        computed_at: NOW,
      })
      .execute();

    let n = 0;
    const hazard = async (
      subject: { id: string; type: string; organisationId: string | null },
      h: { status: HazardStatus; level?: 'general' | 'major'; deadline?: Date; at?: [number, number] },
    ) => {
      const row = await db
        .insertInto('hazards')
        .values({
          code: `YH-TEST-${++n}`,
          source: 'inspection',
          subject_id: subject.id,
          subject_type: subject.type as 'construction_site',
          organisation_id: subject.organisationId,
          level: h.level ?? 'general',
          category: '临时用电',
          description: '测试隐患',
          lon: h.at?.[0] ?? null,
          lat: h.at?.[1] ?? null,
          risk_colour: 'yellow',
          status: h.status,
          deadline: h.deadline ?? null,
          found_at: new Date(NOW.getTime() - 10 * DAY),
          closed_at: h.status === 'closed' ? NOW : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    ids.overdue = await hazard(siteA, {
      status: 'rectifying',
      level: 'major',
      deadline: new Date(NOW.getTime() - DAY),
      at: [121.081, 30.611],
    });
    ids.atSubject = await hazard(siteA, { status: 'found' });
    await hazard(siteA, { status: 'closed' });
    await hazard(siteA, { status: 'void' });
    ids.hazardB = await hazard(siteB, { status: 'notice_issued', deadline: new Date(NOW.getTime() + DAY) });
    await hazard(nowhere, { status: 'found' });

    const zone = await app.inject({
      method: 'POST',
      url: '/api/zones',
      headers: { cookie: cookies.monitor! },
      payload: { name: '乍浦小学', kind: 'restricted', category: 'school', geometry: square(121.08, 30.6) },
    });
    const retired = await app.inject({
      method: 'POST',
      url: '/api/zones',
      headers: { cookie: cookies.monitor! },
      payload: { name: '旧停车区', kind: 'parking', geometry: square(121.09, 30.6) },
    });
    await app.inject({
      method: 'POST',
      url: `/api/zones/${retired.json().id}/deactivate`,
      headers: { cookie: cookies.monitor! },
    });
    ids.zone = zone.json().id;
    for (const [name, organisationId] of [
      ['公共危货通道', null],
      ['三江专线', entA.id],
      ['港通专线', entB.id],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/routes',
        headers: { cookie: cookies.monitor! },
        payload: { name, organisationId, geometry: line(121.05, 30.6), bufferM: 150 },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('refuses anonymous callers', async () => {
    expect((await app.inject({ url: '/api/map/features' })).statusCode).toBe(401);
  });

  it('gives the regulator every placed subject with its colour and open hazards, open hazards only, zones and routes in force', async () => {
    const f = await features('monitor');
    expect(f.subjects.map((s) => s.name).sort()).toEqual(['三江化工AEO装置', '港通危货停车场']);
    expect(f.subjects.find((s) => s.id === ids.siteA)).toEqual({
      id: ids.siteA,
      name: '三江化工AEO装置',
      type: 'chemical_enterprise',
      lat: 30.61,
      lon: 121.08,
      colour: 'red',
      escalation: 'none',
      openHazards: 2,
    });
    // Not assessed yet: blue, like the risk board.
    expect(f.subjects.find((s) => s.id === ids.siteB)).toMatchObject({ colour: 'blue', openHazards: 1 });

    expect(f.hazards.map((h) => h.id).sort()).toEqual([ids.overdue, ids.atSubject, ids.hazardB].sort());
    expect(f.hazards.find((h) => h.id === ids.overdue)).toMatchObject({
      level: 'major',
      overdue: true,
      lat: 30.611,
      lon: 121.081,
      subjectName: '三江化工AEO装置',
    });
    // Found without a position of its own: drawn at its subject.
    expect(f.hazards.find((h) => h.id === ids.atSubject)).toMatchObject({
      level: 'general',
      overdue: false,
      lat: 30.61,
      lon: 121.08,
    });
    expect(f.hazards.find((h) => h.id === ids.hazardB)).toMatchObject({ overdue: false, status: 'notice_issued' });

    expect(f.zones).toEqual([
      {
        id: ids.zone,
        name: '乍浦小学',
        kind: 'restricted',
        category: 'school',
        geometry: square(121.08, 30.6),
        bufferM: null,
        speedLimitKmh: null,
      },
    ]);
    expect(f.routes.map((r) => r.name).sort()).toEqual(['三江专线', '公共危货通道', '港通专线'].sort());
    expect(f.routes.find((r) => r.name === '三江专线')).toMatchObject({
      organisationName: '三江化工有限公司',
      bufferM: 150,
      geometry: line(121.05, 30.6),
    });
  });

  it("shows an enterprise only its own subjects, hazards and routes (and the shared ones), never another's", async () => {
    const a = await features('ent-a');
    expect(a.subjects.map((s) => s.id)).toEqual([ids.siteA]);
    expect(a.hazards.map((h) => h.id).sort()).toEqual([ids.overdue, ids.atSubject].sort());
    expect(a.routes.map((r) => r.name).sort()).toEqual(['三江专线', '公共危货通道'].sort());
    // Zones are public rules every driver must keep.
    expect(a.zones).toHaveLength(1);

    const b = await features('ent-b');
    expect(b.subjects.map((s) => s.id)).toEqual([ids.siteB]);
    expect(b.hazards.map((h) => h.id)).toEqual([ids.hazardB]);
    expect(b.routes.map((r) => r.name).sort()).toEqual(['公共危货通道', '港通专线'].sort());
  });
});
