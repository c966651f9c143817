import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { closedLoopWorld, TestClock, upload } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { verifyEventChain } from '../events/event-log.js';
import { chinaIso } from './public-status.js';

type World = Awaited<ReturnType<typeof closedLoopWorld>>;

const V2 = '/open311/v2';
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
  'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'lat', 'long', 'media_url',
].sort();
const CONTACT = { email: 'zhang.san@example.cn', phone: '13800138000', first_name: '三', last_name: '张' };

describe.each(engines)('Open311 GeoReport v2 on $name', (engine) => {
  let database: Database;
  let w: World;
  const clock = new TestClock();
  let address = 0;
  /** Each test reports from its own client address, so that only the rate-limit test meets the limit. */
  const nextIp = () => `198.51.100.${++address}`;
  const gas = { service_code: 'gas-smell', description: '山鑫花园3幢楼道内有明显燃气味', lat: 30.612, long: 121.081, ...CONTACT };

  const postJson = (payload: unknown, ip = nextIp(), headers: Record<string, string> = {}) =>
    w.app.inject({ method: 'POST', url: `${V2}/requests.json`, remoteAddress: ip, headers, payload: payload as object });
  const postForm = (fields: Record<string, string>, ip = nextIp()) =>
    w.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const get = (url: string, headers: Record<string, string> = {}) => w.app.inject({ url, headers });
  const stored = async () => (await database.db.selectFrom('public_reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const reportEvents = async () =>
    Number((await database.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'public_report').executeTakeFirstOrThrow()).n);
  const publicOf = async (id: string, lang = 'zh-CN') => (await get(`${V2}/requests/${id}.json`, { 'accept-language': lang })).json()[0];
  const triage = (id: string, cookie: string, payload: unknown) =>
    w.app.inject({ method: 'POST', url: `/api/public-reports/${id}/triage`, headers: { cookie }, payload: payload as object });
  const move = (id: string, cookie: string, payload: unknown) =>
    w.app.inject({ method: 'POST', url: `/api/hazards/${id}/transitions`, headers: { cookie }, payload: payload as object });
  const report = async (payload: Record<string, unknown> = gas) => {
    const res = await postJson(payload);
    expect(res.statusCode).toBe(201);
    return res.json()[0] as { service_request_id: string; token: string; service_notice: string };
  };

  beforeAll(async () => {
    database = await engine.open();
    w = await closedLoopWorld(database, clock);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it('lists the public hazard categories, in Chinese or English', async () => {
    const zh = await get(`${V2}/services.json`);
    expect(zh.statusCode).toBe(200);
    expect(zh.json().map((s: { service_code: string }) => s.service_code)).toEqual(['gas-smell', 'fire-lane', 'hazmat-vehicle', 'building-site', 'other-hazard']);
    expect(zh.json()[1]).toMatchObject({ service_name: '消防通道堵塞', metadata: false, type: 'realtime', group: '消防安全' });
    expect(Object.keys(zh.json()[0]).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    const en = await get(`${V2}/services.json`, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(en.json()[0].service_name).toBe('Gas leak or gas smell');

    expect((await get(`${V2}/services/fire-lane.json`)).json()).toEqual({ service_code: 'fire-lane', attributes: [] });
    const unknown = await get(`${V2}/services/ufo.json`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'service_code: 不存在 ufo' }]);
    const noRoute = await get(`${V2}/services.xml`);
    expect(noRoute.statusCode).toBe(404);
    expect(noRoute.json()[0].code).toBe(404);
  });

  it('appears in the OpenAPI document', async () => {
    const paths = Object.keys((await get('/api/docs/json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining([`${V2}/requests.json`, `${V2}/requests/{id}.json`, `${V2}/tokens/{token}.json`, '/api/public-reports/{id}/triage']));
  });

  it('takes a report as JSON and as form data, answering as the spec does', async () => {
    const before = await reportEvents();
    const json = await postJson(gas);
    expect(json.statusCode).toBe(201);
    const [created] = json.json();
    expect(Object.keys(created).sort()).toEqual(['service_notice', 'service_request_id', 'token']);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(created.service_notice).toContain('119');

    // As an Open311 client sends it: strings only, empty optional fields, an api_key we do not need.
    const form = await postForm({ api_key: 'x', service_code: 'fire-lane', description: '港龙花园南门消防通道被私家车占用', address_string: '港龙花园南门', email: '', lat: '', long: '', media_url: 'https://img.example.cn/a.jpg' });
    expect(form.statusCode).toBe(201);
    const formWithPoint = await postForm({ service_code: 'building-site', description: '工地围挡倒塌,占用人行道', lat: '30.6', long: '121.1' });
    expect(formWithPoint.statusCode).toBe(201);
    const r = await publicOf(formWithPoint.json()[0].service_request_id);
    expect(r).toMatchObject({ lat: 30.6, long: 121.1, address: null, service_name: '工地安全' });
    expect(await reportEvents()).toBe(before + 3);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const count = await stored();
    const events = await reportEvents();
    const noDescription: Record<string, unknown> = { ...gas, description: undefined };
    const cases: [unknown, string][] = [
      [noDescription, 'description'],
      [{ ...gas, description: '漏气' }, 'description'],
      [{ ...gas, service_code: 'ufo-sighting' }, 'service_code'],
      [{ ...gas, lat: 31.5 }, 'lat'],
      [{ ...gas, long: 120.1 }, 'long'],
      [{ ...gas, long: undefined }, 'long'],
      [{ service_code: 'gas-smell', description: '楼道内有燃气味' }, 'address_string'],
      [{ ...gas, media_url: 'javascript:alert(1)' }, 'media_url'],
      [{ ...gas, media_url: 'ftp://example.cn/a.jpg' }, 'media_url'],
      [{ ...gas, email: 'not-an-email' }, 'email'],
      [{ ...gas, lat: 'north' }, 'lat'],
      [{ ...gas, description: '楼道内有燃气味\u0000\u0000' }, 'description'],
      [{ ...gas, address_string: '3幢\u0000' }, 'address_string'],
    ];
    for (const [payload, field] of cases) {
      const res = await postJson(payload);
      expect(res.statusCode, field).toBe(400);
      const body = res.json();
      expect(body[0].code).toBe(400);
      expect(body.map((e: { description: string }) => e.description.split(':')[0])).toContain(field);
    }
    const missing = await postJson(noDescription);
    expect(missing.json()).toEqual([{ code: 400, description: 'description: 缺少必填字段' }]);
    const missingEn = await postJson(noDescription, nextIp(), { 'accept-language': 'en' });
    expect(missingEn.json()).toEqual([{ code: 400, description: 'description: required' }]);
    const outside = await postForm({ service_code: 'gas-smell', description: '楼道内有燃气味', lat: '30.2', long: '121.1' });
    expect(outside.json()[0].description).toMatch(/^lat: 不在服务范围内/);
    const broken = await w.app.inject({ method: 'POST', url: `${V2}/requests.json`, remoteAddress: nextIp(), headers: { 'content-type': 'application/json' }, payload: '{"service_code":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()[0].code).toBe(400);
    const xml = await w.app.inject({ method: 'POST', url: `${V2}/requests.json`, remoteAddress: nextIp(), headers: { 'content-type': 'text/xml' }, payload: '<x/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json()[0].code).toBe(415);
    expect(await stored()).toBe(count);
    expect(await reportEvents()).toBe(events);
  });

  it('limits reports per client address', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expect((await postJson(gas, ip)).statusCode).toBe(201);
    const count = await stored();
    const limited = await postJson(gas, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual([{ code: 429, description: '请求过于频繁,请稍后再试' }]);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(await stored()).toBe(count);
    expect((await postJson(gas, nextIp())).statusCode).toBe(201);
  });

  it('reads a report by id and by token, with the spec’s fields and never the contact details', async () => {
    const { service_request_id: id, token } = await report({ ...gas, address_string: '山鑫花园3幢', media_url: 'http://img.example.cn/gas.jpg' });
    const byId = await get(`${V2}/requests/${id}.json`);
    expect(byId.statusCode).toBe(200);
    const [r] = byId.json();
    expect(Object.keys(r).sort()).toEqual(REQUEST_FIELDS);
    expect(r).toEqual({
      service_request_id: id,
      status: 'open',
      status_notes: '已收到,正在核实',
      service_name: '燃气泄漏/燃气异味',
      service_code: 'gas-smell',
      description: gas.description,
      agency_responsible: '嘉兴港区安全生产委员会办公室',
      service_notice: expect.stringContaining('119'),
      requested_datetime: chinaIso(clock.now()),
      updated_datetime: chinaIso(clock.now()),
      expected_datetime: null,
      address: '山鑫花园3幢',
      lat: 30.612,
      long: 121.081,
      media_url: 'http://img.example.cn/gas.jpg',
    });
    expect(r.requested_datetime).toMatch(/^2026-12-20T10:00:00\+08:00$/);
    expect((await get(`${V2}/tokens/${token}.json`)).json()).toEqual([{ service_request_id: id, token }]);

    const all = await get(`${V2}/requests.json`);
    for (const body of [byId.body, all.body]) {
      for (const secret of [...Object.values(CONTACT), 'zhang.san', 'contact', token]) expect(body).not.toContain(secret);
    }
    expect(all.json().every((x: object) => Object.keys(x).sort().join() === REQUEST_FIELDS.join())).toBe(true);

    for (const url of [`${V2}/requests/00000000-0000-4000-8000-000000000000.json`, `${V2}/requests/1%27%20or%201=1.json`, `${V2}/tokens/no-such-token-000000.json`, `${V2}/tokens/x.json`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()[0].code).toBe(404);
    }
  });

  it('filters the request list as the spec says', async () => {
    const a = await report({ ...gas, service_code: 'hazmat-vehicle', description: '槽罐车停在平海路边过夜' });
    const b = await report({ ...gas, service_code: 'hazmat-vehicle', description: '槽罐车在乍浦镇区超速行驶' });
    const ids = (res: { json(): { service_request_id: string }[] }) => res.json().map((x) => x.service_request_id);
    const both = await get(`${V2}/requests.json?service_request_id=${a.service_request_id},${b.service_request_id}&status=closed`);
    expect(ids(both).sort()).toEqual([a.service_request_id, b.service_request_id].sort());
    expect(ids(await get(`${V2}/requests.json?service_code=hazmat-vehicle`)).sort()).toEqual([a.service_request_id, b.service_request_id].sort());
    expect((await get(`${V2}/requests.json?service_code=hazmat-vehicle&status=closed`)).json()).toEqual([]);
    expect(ids(await get(`${V2}/requests.json?service_code=hazmat-vehicle&status=open&start_date=`))).toHaveLength(2);
    const later = new Date(clock.now().getTime() + 3600_000).toISOString();
    expect((await get(`${V2}/requests.json?start_date=${later}`)).json()).toEqual([]);
    expect(ids(await get(`${V2}/requests.json?end_date=${encodeURIComponent(chinaIso(clock.now()))}&service_code=hazmat-vehicle`))).toHaveLength(2);

    for (const [query, field] of [['service_request_id=42', 'service_request_id'], ['service_code=ufo', 'service_code'], ['status=pending', 'status'], ['start_date=yesterday', 'start_date'], [`start_date=${later}&end_date=2026-01-01T00:00:00Z`, 'start_date']]) {
      const res = await get(`${V2}/requests.json?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()[0].description.split(':')[0]).toBe(field);
    }
  });

  it('keeps the triage list to regulator staff', async () => {
    const { service_request_id: id } = await report();
    expect((await w.app.inject({ url: '/api/public-reports' })).statusCode).toBe(401);
    expect((await w.app.inject({ url: '/api/public-reports', headers: { cookie: w.cookies.entA } })).statusCode).toBe(403);
    const byEnterprise = await triage(id, w.cookies.entA, { action: 'reject', reason: '不是我们的' });
    expect(byEnterprise.statusCode).toBe(403);
    expect(byEnterprise.json().error.code).toBe('forbidden');
    const list = await w.app.inject({ url: '/api/public-reports?status=open&triage=pending', headers: { cookie: w.cookies.inspector } });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((x: { id: string }) => x.id === id);
    expect(item).toMatchObject({ triage: 'pending', status: 'open', category: '燃气安全', contact: { email: CONTACT.email, phone: CONTACT.phone, firstName: '三', lastName: '张' } });
    expect((await publicOf(id)).status).toBe('open');
  });

  it('turns an accepted report into a hazard whose closure closes the report for the public', async () => {
    const { service_request_id: id } = await report({ ...gas, service_code: 'building-site', description: '三江化工工地塔吊下方无警戒区', lat: 30.615, long: 121.085, address_string: '平海路三江工地东门' });
    const badSubject = await triage(id, w.cookies.inspector, { action: 'accept', subjectId: '00000000-0000-4000-8000-000000000000', level: 'general' });
    expect(badSubject.statusCode).toBe(400);
    expect(badSubject.json().error.issues[0].path).toBe('body.subjectId');
    const accepted = await triage(id, w.cookies.inspector, { action: 'accept', subjectId: w.siteA.id, level: 'general' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ triage: 'accepted', status: 'open', statusNotes: '已受理,正在整改', hazardStatus: 'found' });
    const hazardId = accepted.json().hazardId as string;
    const hazard = (await w.app.inject({ url: `/api/hazards/${hazardId}`, headers: { cookie: w.cookies.admin } })).json();
    expect(hazard).toMatchObject({ source: 'public_report', status: 'found', subjectId: w.siteA.id, category: '施工安全', description: '三江化工工地塔吊下方无警戒区', location: '平海路三江工地东门', lat: 30.615, lon: 121.085 });
    expect((await triage(id, w.cookies.leader, { action: 'reject', reason: '重复报告' })).statusCode).toBe(409);
    expect(await publicOf(id)).toMatchObject({ status: 'open', status_notes: '已受理,正在整改', expected_datetime: null });
    expect((await publicOf(id, 'en')).status_notes).toBe('Accepted; being rectified');

    const deadline = new Date(clock.now().getTime() + 7 * 86_400_000);
    const notice = await w.app.inject({ method: 'POST', url: '/api/notices', headers: { cookie: w.cookies.inspector }, payload: { kind: 'rectify', hazardIds: [hazardId], deadline: deadline.toISOString() } });
    expect(notice.statusCode).toBe(201);
    expect((await publicOf(id)).expected_datetime).toBe(chinaIso(deadline));
    clock.advanceDays(2);
    expect((await move(hazardId, w.cookies.entA, { action: 'submit', description: '已设置警戒区并安排专人看护', afterFileIds: [await upload(w.app, w.cookies.entA)] })).json().status).toBe('submitted');
    expect((await publicOf(id)).status).toBe('open');
    expect((await move(hazardId, w.cookies.inspector, { action: 'recheck_pass', note: '复查合格' })).json().status).toBe('closed');
    expect(await publicOf(id)).toMatchObject({ status: 'closed', status_notes: '已整改完毕', expected_datetime: null, updated_datetime: chinaIso(clock.now()) });
    const closedList = await get(`${V2}/requests.json?status=closed&service_code=building-site`);
    expect(closedList.json().map((x: { service_request_id: string }) => x.service_request_id)).toContain(id);

    const events = (await w.app.inject({ url: `/api/events?entityType=public_report&entityId=${id}`, headers: { cookie: w.cookies.admin } })).json().items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['public_report.received', 'public_report.accepted']);
    expect(events[1].payload).toMatchObject({ hazardId, subjectId: w.siteA.id, level: 'general' });
    expect(JSON.stringify(events)).not.toContain(CONTACT.phone);
  });

  it('closes a rejected report with the reason shown to the public', async () => {
    const { service_request_id: id } = await report({ ...gas, service_code: 'other-hazard', description: '路灯不亮,晚上看不清路' });
    const rejected = await triage(id, w.cookies.leader, { action: 'reject', reason: '不属于安全生产监管范围,已转交市政部门' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ triage: 'rejected', status: 'closed', rejectReason: '不属于安全生产监管范围,已转交市政部门', hazardId: null });
    expect(await publicOf(id)).toMatchObject({ status: 'closed', status_notes: '不予受理:不属于安全生产监管范围,已转交市政部门' });
    expect((await triage(id, w.cookies.inspector, { action: 'accept', subjectId: w.siteA.id, level: 'general' })).statusCode).toBe(409);
    const events = (await w.app.inject({ url: `/api/events?entityType=public_report&entityId=${id}`, headers: { cookie: w.cookies.admin } })).json().items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['public_report.received', 'public_report.rejected']);
    const pending = (await w.app.inject({ url: '/api/public-reports?triage=pending&limit=500', headers: { cookie: w.cookies.enforcer } })).json();
    expect(pending.items.some((x: { id: string }) => x.id === id)).toBe(false);
  });

  it('lists the last 90 days unless dates are given', async () => {
    const recent = await get(`${V2}/requests.json`);
    expect(recent.json().length).toBeGreaterThan(0);
    clock.advanceDays(91);
    expect((await get(`${V2}/requests.json`)).json()).toEqual([]);
    const old = await get(`${V2}/requests.json?start_date=2026-12-01T00:00:00%2B08:00`);
    expect(old.json()).toHaveLength(recent.json().length);
  });

  it('writes every change into a chain that verifies', async () => {
    expect(await verifyEventChain(database.db)).toMatchObject({ ok: true, firstBrokenId: null });
  });
});
