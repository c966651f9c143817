import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { VirtualTerminal } from '../../../../../tools/simulator/src/terminal.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { createGatewayRuntime } from '../../gateway/runtime.js';
import { startTestGateway, type TestGateway } from '../../gateway/test-gateway.js';
import { buildApp } from '../../http/app.js';
import { login, seedUser } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { demoPlate, demoTerminalPhone } from '../vehicles/demo-vehicles.js';
import { signal } from './alarm-fixture.js';
import { AlarmStore, publishAlarms } from './alarm-store.js';

type Who = 'admin' | 'monitor' | 'leader' | 'carrierA' | 'carrierB';

describe.each(engines)('alarm workflow API on $name', (engine) => {
  let database: Database;
  let t: TestGateway;
  let app: FastifyInstance;
  let store: AlarmStore;
  let vehicles: { id: string; plate: string; organisation_id: string; terminal_phone: string }[];
  const cookies = {} as Record<Who, string>;
  const sockets: WebSocket[] = [];
  const terminals: VirtualTerminal[] = [];
  const get = (url: string, who: Who) => app.inject({ url, headers: { cookie: cookies[who] } });
  const post = (url: string, who: Who, payload?: object) =>
    app.inject({ method: 'POST', url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });
  const idOf = async (vehicleId: string, type = 'overspeed') =>
    (
      await database.db
        .selectFrom('alarms')
        .select('id')
        .where('vehicle_id', '=', vehicleId)
        .where('type', '=', type)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    database = await engine.open();
    const runtime = createGatewayRuntime({ offlineAfterMs: 300_000, commandTimeoutMs: 2000 });
    t = await startTestGateway(database, { vehicles: 4, runtime });
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false, gateway: runtime });
    store = new AlarmStore(database.db, undefined, publishAlarms(runtime.hub));
    await seedUser(database, 'admin', 'admin');
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'leader', 'leader');
    await seedUser(database, 'carrier-a', 'enterprise', t.carriers[0]);
    await seedUser(database, 'carrier-b', 'enterprise', t.carriers[1]);
    const names: Record<Who, string> = {
      admin: 'admin',
      monitor: 'monitor',
      leader: 'leader',
      carrierA: 'carrier-a',
      carrierB: 'carrier-b',
    };
    for (const who of Object.keys(names) as Who[]) cookies[who] = await login(app, names[who]);
    vehicles = await database.db
      .selectFrom('vehicles')
      .select(['id', 'plate', 'organisation_id', 'terminal_phone'])
      .orderBy('terminal_phone')
      .execute();
    // Vehicles 1 and 3 belong to carrier A, 2 and 4 to carrier B.
    await store.apply([
      signal(vehicles[0]!, { startS: 0 }),
      signal(vehicles[0]!, { type: 'fatigue', severity: 'serious', startS: 100, details: { drivenMin: 250 } }),
      signal(vehicles[1]!, { startS: 50 }),
      signal(vehicles[2]!, { type: 'restricted_zone', subtype: 'school', severity: 'critical', startS: 200 }),
    ]);
  });
  afterAll(async () => {
    for (const s of sockets) s.terminate();
    for (const v of terminals) v.destroy();
    await t?.gateway.close();
    await app?.close();
    await database?.close();
  });

  it('lists alarms scoped to the carrier, with filters, and hides other carriers’ alarms by 404', async () => {
    const all = await get('/api/alarms', 'monitor');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 4, totalCapped: false, limit: 50, offset: 0 });
    expect(all.json().items[0]).toMatchObject({
      type: 'restricted_zone',
      subtype: 'school',
      severity: 'critical',
      plate: demoPlate(3),
      status: 'open',
    });
    const mine = (await get('/api/alarms', 'carrierA')).json();
    expect(mine.total).toBe(3);
    expect(mine.items.every((a: { organisationId: string }) => a.organisationId === t.carriers[0])).toBe(true);
    expect(
      (await get('/api/alarms?severity=serious', 'admin')).json().items.map((a: { type: string }) => a.type),
    ).toEqual(['fatigue']);
    expect((await get(`/api/alarms?vehicleId=${vehicles[1]!.id}`, 'leader')).json().total).toBe(1);
    expect((await get(`/api/alarms?organisationId=${t.carriers[0]}`, 'carrierB')).json().total).toBe(0);
    expect((await get('/api/alarms?unhandled=true&type=overspeed', 'admin')).json().total).toBe(2);
    const bad = await get('/api/alarms?severity=huge', 'admin');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('query.severity');

    const other = await idOf(vehicles[1]!.id);
    expect((await get(`/api/alarms/${other}`, 'carrierA')).statusCode).toBe(404);
    expect(
      (await post(`/api/alarms/${other}/handle`, 'carrierA', { measure: 'warned', note: '已约谈驾驶员' })).statusCode,
    ).toBe(404);
    const detail = (await get(`/api/alarms/${other}`, 'carrierB')).json();
    expect(detail).toMatchObject({ vehicle: { plate: demoPlate(2) }, allowedActions: ['handle'], hazard: null });
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(['alarm.raised']);
    expect((await get(`/api/alarms/${other}`, 'monitor')).json().allowedActions).toEqual([
      'acknowledge',
      'remind',
      'notify_carrier',
      'handle',
    ]);
  });

  it('moves an alarm along the workflow; the carrier records its handling but cannot close', async () => {
    const id = await idOf(vehicles[0]!.id, 'fatigue');
    const ack = await post(`/api/alarms/${id}/acknowledge`, 'monitor');
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({
      status: 'acknowledged',
      allowedActions: ['remind', 'notify_carrier', 'handle', 'close'],
    });
    const again = await post(`/api/alarms/${id}/acknowledge`, 'monitor', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'illegal_transition',
      message: '报警当前状态为「已受理」,不能受理',
    });
    expect((await post(`/api/alarms/${id}/acknowledge`, 'leader')).statusCode).toBe(403);

    const notified = await post(`/api/alarms/${id}/notify-carrier`, 'monitor', { note: '已电话通知企业安全员' });
    expect(notified.json().carrierNotifiedAt).not.toBeNull();
    const noMeasure = await post(`/api/alarms/${id}/handle`, 'carrierA', { note: '已让驾驶员停车休息' });
    expect(noMeasure.statusCode).toBe(400);
    expect(noMeasure.json().error.issues[0].path).toBe('body.measure');
    const handled = await post(`/api/alarms/${id}/handle`, 'carrierA', {
      measure: 'driver_stopped',
      note: '驾驶员已在服务区停车休息30分钟',
    });
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({
      status: 'handled',
      handling: '驾驶员已在服务区停车休息30分钟',
      allowedActions: ['handle'],
    });
    expect((await post(`/api/alarms/${id}/close`, 'carrierA')).statusCode).toBe(403);
    const closed = await post(`/api/alarms/${id}/close`, 'monitor', { note: '企业已处置' });
    expect(closed.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect(
      (await post(`/api/alarms/${id}/handle`, 'monitor', { measure: 'warned', note: '补充说明' })).statusCode,
    ).toBe(409);

    const events = closed.json().events as { type: string; actorId: string | null; payload: Record<string, unknown> }[];
    expect(events.map((e) => e.type)).toEqual([
      'alarm.raised',
      'alarm.acknowledged',
      'alarm.carrier_notified',
      'alarm.handled',
      'alarm.closed',
    ]);
    expect(events.slice(1).every((e) => e.actorId !== null)).toBe(true);
    expect(events[3]!.payload).toMatchObject({
      measure: 'driver_stopped',
      byRole: 'enterprise',
      from: 'acknowledged',
      to: 'handled',
    });
    expect(events[2]).toMatchObject({ payload: { note: '已电话通知企业安全员', plate: demoPlate(1) } });
    const carrierEvent = await database.db
      .selectFrom('events')
      .select('organisation_id')
      .where('type', '=', 'alarm.carrier_notified')
      .executeTakeFirstOrThrow();
    expect(carrierEvent.organisation_id).toBe(t.carriers[0]);
  });

  it('reminds the driver over the real terminal, and records an offline one as 409', async () => {
    const v = new VirtualTerminal({
      host: '127.0.0.1',
      port: t.gateway.port,
      phone: demoTerminalPhone(1),
      plate: demoPlate(1),
      terminalId: 'A1',
    });
    terminals.push(v);
    await v.connect();
    await v.login();
    const id = await idOf(vehicles[0]!.id);
    const sent = await post(`/api/alarms/${id}/remind`, 'monitor');
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'acknowledged' });
    expect(sent.json().remindedAt).not.toBeNull();
    expect(v.texts.map((x) => x.text)).toEqual(['您已超速,请立即减速慢行']);
    const own = await post(`/api/alarms/${id}/remind`, 'admin', { text: '请在前方服务区停车' });
    expect(own.statusCode).toBe(200);
    expect(v.texts.at(-1)!.text).toBe('请在前方服务区停车');
    const reminded = own.json().events.filter((e: { type: string }) => e.type === 'alarm.reminded');
    expect(reminded.map((e: { payload: { result: string } }) => e.payload.result)).toEqual(['delivered', 'delivered']);

    const offline = await idOf(vehicles[2]!.id, 'restricted_zone');
    const refused = await post(`/api/alarms/${offline}/remind`, 'monitor');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('车辆终端不在线,提醒未能下发(已记录),请电话联系驾驶员');
    const after = (await get(`/api/alarms/${offline}`, 'monitor')).json();
    expect(after).toMatchObject({ status: 'open', remindedAt: null });
    expect(after.events.at(-1)).toMatchObject({
      type: 'alarm.remind_failed',
      payload: { result: 'offline', text: '您已进入危险货物运输车辆禁行区域,请立即驶离' },
    });
    expect((await post(`/api/alarms/${offline}/remind`, 'carrierA')).statusCode).toBe(403);
  });

  it('sends stored alarms on the live WebSocket, only to those who may see them', async () => {
    const got: Record<'carrierA' | 'admin', { type: string; items: { plate: string; type: string }[] }[]> = {
      carrierA: [],
      admin: [],
    };
    for (const who of ['carrierA', 'admin'] as const) {
      const ws = await app.injectWS('/api/live', { headers: { cookie: cookies[who] } });
      sockets.push(ws);
      ws.on('message', (data: Buffer) => got[who].push(JSON.parse(data.toString())));
    }
    await store.apply([
      signal(vehicles[1]!, { type: 'parking', startS: 3000 }),
      signal(vehicles[2]!, { type: 'night_driving', startS: 3000 }),
    ]);
    await new Promise((r) => setTimeout(r, 100));
    const alarms = (who: 'carrierA' | 'admin') =>
      got[who].filter((m) => m.type === 'alarms').flatMap((m) => m.items.map((i) => `${i.plate} ${i.type}`));
    expect(alarms('carrierA')).toEqual([`${demoPlate(3)} night_driving`]);
    expect(alarms('admin').sort()).toEqual([`${demoPlate(2)} parking`, `${demoPlate(3)} night_driving`].sort());
  });
});
