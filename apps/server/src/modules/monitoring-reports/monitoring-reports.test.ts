import type { MonitoringReport } from '@anlan/contracts';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { inspectPdf } from '../../documents/pdf-text.js';
import { buildApp } from '../../http/app.js';
import { login, seedUser } from '../../test-support/app.js';
import { TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { DAY, seedMonitoringDay } from './monitoring-report-fixture.js';

// One degree of latitude on the sphere the report measures with (R = 6 371 008.8 m): 111 194.93 m.
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
const km = (deg: number) => Math.round(((deg * M_PER_DEG) / 1000) * 1000) / 1000;

describe.each(engines)('daily monitoring reports on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let world: Awaited<ReturnType<typeof seedMonitoringDay>>;
  const clock = new TestClock(new Date('2026-12-20T02:00:00Z'));
  const cookies: Record<string, string> = {};
  const get = (url: string, who: string) => app.inject({ url, headers: { cookie: cookies[who]! } });
  const generate = (who: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/monitoring-reports/generate',
      headers: { cookie: cookies[who]! },
      payload,
    });

  beforeAll(async () => {
    database = await engine.open();
    world = await seedMonitoringDay(database);
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false, now: clock.now });
    await seedUser(database, 'admin', 'admin');
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'leader', 'leader', world.department);
    await seedUser(database, 'ent-a', 'enterprise', world.carrierA);
    await seedUser(database, 'ent-b', 'enterprise', world.carrierB);
    for (const who of ['admin', 'monitor', 'leader', 'ent-a', 'ent-b']) cookies[who] = await login(app, who);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('computes every figure of the district, of each carrier and of each vehicle', async () => {
    const res = await generate('monitor', { day: DAY });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { organisationName: string | null }) => i.organisationName)).toEqual([
      null,
      '甲危货运输有限公司',
      '乙危货运输有限公司',
    ]);

    const r = (await get(`/api/monitoring-reports/${DAY}`, 'leader')).json() as MonitoringReport;
    expect(r).toMatchObject({ day: DAY, organisationId: null, generatedBy: { name: 'monitor' } });
    // Registered: A1 A2 A3 B1 (B2 inactive, B3 registered after the day). Connected: A1 A2 B1. Online: A1 B1.
    // Distance: A1 0.015° (spike excluded), continuous 0.005° (the 10-minute gap breaks); B1 0.0006°, all continuous.
    expect(r.summary).toEqual({
      vehiclesRegistered: 4,
      vehiclesConnected: 3,
      vehiclesOnline: 2,
      vehiclesDrifting: 1,
      positions: 16,
      validPositions: 12,
      driftPoints: 2,
      distanceKm: km(0.0156),
      continuousKm: km(0.0056),
      onlineMinutes: 10.5,
      rates: { connected: 75, online: 66.67, completeness: 35.9, validity: 75, drift: 50 },
    });
    expect(r.alarms).toEqual({
      count: 6,
      acknowledged: 5,
      inTime: 3,
      inTimeRate: 50,
      bySeverity: { info: 1, warning: 1, serious: 2, critical: 2 },
      byType: [
        { type: 'fatigue', count: 2, acknowledged: 1, inTime: 1, inTimeRate: 50 },
        { type: 'overspeed', count: 2, acknowledged: 2, inTime: 1, inTimeRate: 50 },
        { type: 'drift', count: 1, acknowledged: 1, inTime: 1, inTimeRate: 100 },
        { type: 'night_driving', count: 1, acknowledged: 1, inTime: 0, inTimeRate: 0 },
      ],
    });
    expect(r.topVehicles).toEqual([
      expect.objectContaining({
        plate: '浙F·A0001',
        driverName: '张三',
        alarms: 4,
        byType: { overspeed: 2, fatigue: 2 },
      }),
      expect.objectContaining({
        plate: '浙F·B0001',
        driverName: '王五',
        alarms: 2,
        byType: { drift: 1, night_driving: 1 },
      }),
    ]);
    expect(r.topDrivers.map((d) => [d.driverName, d.plates, d.alarms])).toEqual([
      ['张三', ['浙F·A0001'], 4],
      ['王五', ['浙F·B0001'], 2],
    ]);

    const a1 = r.vehicles.find((v) => v.plate === '浙F·A0001')!;
    expect(a1).toMatchObject({
      connected: true,
      online: true,
      positions: 10,
      validPositions: 9,
      driftPoints: 2,
      distanceKm: km(0.015),
      continuousKm: km(0.005),
      completeness: 33.33,
      onlineMinutes: 8,
      alarms: 4,
      firstAt: '2026-12-18T00:00:00.000Z',
      lastAt: '2026-12-18T00:18:00.000Z',
    });
    expect(r.vehicles.find((v) => v.plate === '浙F·B0001')).toMatchObject({
      positions: 6,
      validPositions: 3,
      driftPoints: 0,
      distanceKm: km(0.0006),
      completeness: 100,
      onlineMinutes: 2.5,
      alarms: 2,
    });
    expect(r.vehicles.find((v) => v.plate === '浙F·A0002')).toMatchObject({
      connected: true,
      online: false,
      positions: 0,
      completeness: null,
    });
    expect(r.vehicles.find((v) => v.plate === '浙F·A0003')).toMatchObject({ connected: false, online: false });
    expect(r.vehicles.map((v) => v.plate)).toEqual(['浙F·A0001', '浙F·A0002', '浙F·A0003', '浙F·B0001']);

    const [a, b] = r.carriers;
    expect(a).toMatchObject({
      organisationName: '甲危货运输有限公司',
      vehiclesRegistered: 3,
      alarms: 4,
      alarmsInTime: 2,
    });
    expect(a!.rates).toEqual({ connected: 66.67, online: 50, completeness: 33.33, validity: 90, drift: 100 });
    expect(b!.rates).toEqual({ connected: 100, online: 100, completeness: 100, validity: 50, drift: 0 });
  });

  it('shows an enterprise only its own carrier, regulators everything, and 404 for a missing day', async () => {
    const own = (await get(`/api/monitoring-reports/${DAY}`, 'ent-a')).json() as MonitoringReport;
    expect(own.organisationId).toBe(world.carrierA);
    expect(own.carriers).toEqual([]);
    expect(own.vehicles.map((v) => v.plate)).toEqual(['浙F·A0001', '浙F·A0002', '浙F·A0003']);
    expect(own.summary.rates).toEqual({ connected: 66.67, online: 50, completeness: 33.33, validity: 90, drift: 100 });
    expect(own.topVehicles.map((v) => v.plate)).toEqual(['浙F·A0001']);
    expect((await get(`/api/monitoring-reports/${DAY}?organisationId=${world.carrierB}`, 'ent-a')).statusCode).toBe(
      404,
    );
    expect(
      (await get(`/api/monitoring-reports/${DAY}.xlsx?organisationId=${world.carrierB}`, 'ent-a')).statusCode,
    ).toBe(404);
    expect(
      (await get(`/api/monitoring-reports?from=${DAY}&to=${DAY}&organisationId=${world.carrierB}`, 'ent-a')).json()
        .items,
    ).toEqual([]);
    const mine = (await get(`/api/monitoring-reports?from=2026-12-01&to=2026-12-31`, 'ent-b')).json().items;
    expect(mine).toMatchObject([
      { day: DAY, organisationId: world.carrierB, summary: { vehiclesOnline: 1 }, alarms: { count: 2, inTime: 1 } },
    ]);

    const byLeader = (await get(`/api/monitoring-reports/${DAY}?organisationId=${world.carrierB}`, 'leader')).json();
    expect(byLeader.vehicles.map((v: { plate: string }) => v.plate)).toEqual(['浙F·B0001']);
    expect((await get('/api/monitoring-reports/2026-12-17', 'leader')).statusCode).toBe(404);
    expect((await get('/api/monitoring-reports/2026-12-17.pdf', 'leader')).statusCode).toBe(404);
    expect((await generate('ent-a', { day: DAY })).statusCode).toBe(403);
    expect((await generate('leader', { day: DAY })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/monitoring-reports/${DAY}` })).statusCode).toBe(401);
  });

  it('refuses a day that has not ended, a non-carrier and a malformed day, naming the field', async () => {
    const today = await generate('admin', { day: '2026-12-20' });
    expect(today.statusCode).toBe(400);
    expect(today.json().error.issues[0].path).toBe('body.day');
    const dept = await generate('admin', { day: DAY, organisationId: world.department });
    expect(dept.json().error.issues[0].path).toBe('body.organisationId');
    const bad = await generate('admin', { day: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.day');
    expect((await get('/api/monitoring-reports/20261218', 'admin')).statusCode).toBe(400);
  });

  it('replaces a regenerated day, records who and why, and follows changed thresholds', async () => {
    const before = (await get(`/api/monitoring-reports/${DAY}`, 'admin')).json() as MonitoringReport;
    await database.db
      .insertInto('settings')
      .values({ key: 'monitoring_report', value: JSON.stringify({ gapSeconds: 900 }) })
      .execute();
    clock.advanceDays(1);
    const res = await generate('admin', { day: DAY });
    expect(res.statusCode).toBe(200);
    const after = (await get(`/api/monitoring-reports/${DAY}`, 'admin')).json() as MonitoringReport;
    expect(after.id).toBe(before.id);
    expect(after.generatedBy?.name).toBe('admin');
    expect(after.generatedAt).toBe(clock.now().toISOString());
    expect(after.thresholds.gapSeconds).toBe(900);
    // The 10-minute gap is no longer a break: every metre is continuous.
    expect(after.summary.rates.completeness).toBe(100);
    const rows = await database.db.selectFrom('daily_monitoring_reports').select('id').where('day', '=', DAY).execute();
    expect(rows).toHaveLength(3);
    const events = await database.db
      .selectFrom('events')
      .select(['type', 'entity_id'])
      .where('entity_type', '=', 'monitoring_report')
      .orderBy('id')
      .execute();
    expect(events.filter((e) => e.entity_id === before.id).map((e) => e.type)).toEqual([
      'monitoring_report.generated',
      'monitoring_report.regenerated',
    ]);
    // One carrier alone: only its report is replaced.
    const one = await generate('monitor', { day: DAY, organisationId: world.carrierB });
    expect(one.json().items).toMatchObject([{ organisationId: world.carrierB, generatedBy: { name: 'monitor' } }]);
    await database.db.deleteFrom('settings').where('key', '=', 'monitoring_report').execute();
  });

  it('exports Excel with summary, vehicle and alarm sheets, scoped like the report', async () => {
    const res = await get(`/api/monitoring-reports/${DAY}.xlsx`, 'leader');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '车辆明细', '报警统计', '报警排名']);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getCell('A1').value).toBe('危险货物运输车辆每日在线监测报告');
    expect(summary.getRow(8).values).toEqual([undefined, '上线率', 66.67, '≥ 99%', '否', '上线 2 / 入网 3 辆']);
    const vehicles = book.getWorksheet('车辆明细')!;
    expect(vehicles.rowCount).toBe(5);
    expect(vehicles.getRow(2).getCell(1).value).toBe('浙F·A0001');
    expect(vehicles.getRow(2).getCell(6).value).toBe(km(0.015));
    const alarms = book.getWorksheet('报警统计')!;
    expect(alarms.getRow(2).values).toEqual([undefined, '疲劳驾驶', 2, 1, 1, 50]);

    const own = await get(`/api/monitoring-reports/${DAY}.xlsx`, 'ent-b');
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect(ownBook.getWorksheet('车辆明细')!.rowCount).toBe(2);
  });

  it('prints a Chinese A4 PDF with the title, district, day, rates, alarms and offenders', async () => {
    const res = await get(`/api/monitoring-reports/${DAY}.pdf`, 'monitor');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = inspectPdf(pdf).pages.join('').replace(/\n/g, '');
    for (const phrase of [
      '危险货物运输车辆每日在线监测报告',
      '辖区：嘉兴港区',
      '2026年12月18日',
      '上线率',
      '66.67%',
      '≥ 99%',
      '疲劳驾驶',
      '浙F·A0001',
      '张三',
      '甲危货运输有限公司',
      '口径说明',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('\uFFFD');
  });
});
