import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { closedLoopWorld, TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { defaultRiskConfig } from './risk-config.js';

type World = Awaited<ReturnType<typeof closedLoopWorld>>;
type Issue = { path: string };

describe.each(engines)('risk points and assessments on $name', (engine) => {
  let database: Database;
  let w: World;
  const clock = new TestClock();
  let tank: string;
  let selfPoint: string;
  const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, cookie: string, payload?: unknown) =>
    w.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (url: string, cookie: string) => w.app.inject({ url, headers: { cookie } });
  const point = (over: Record<string, unknown> = {}) => ({ subjectId: w.siteA.id, name: '环氧乙烷储罐区', location: '罐区东侧', hazardFactors: ['泄漏', '火灾爆炸'], controls: ['可燃气体报警', '围堰'], responsiblePerson: '张三', ...over });

  beforeAll(async () => {
    database = await engine.open();
    w = await closedLoopWorld(database, clock);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it('refuses L, E, C and S outside their allowed values with a 400 naming the field, changing nothing', async () => {
    const bad = await send('POST', '/api/risk/points', w.cookies.inspector, point({ assessment: { method: 'lec', l: 5, e: 6, c: 7 } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: Issue) => i.path)).toEqual(['body.assessment.l']);
    expect((await get('/api/risk/points', w.cookies.admin)).json().total).toBe(0);

    const created = await send('POST', '/api/risk/points', w.cookies.inspector, point());
    expect(created.statusCode).toBe(201);
    tank = created.json().id;
    const cases: [unknown, string][] = [
      [{ method: 'lec', l: 3, e: 4, c: 7 }, 'body.e'],
      [{ method: 'lec', l: 3, e: 6, c: 50 }, 'body.c'],
      [{ method: 'ls', l: 3, s: 6 }, 'body.s'],
      [{ method: 'ls', l: 0, s: 3 }, 'body.l'],
      [{ method: 'ls', l: 2.5, s: 3 }, 'body.l'],
    ];
    for (const [body, path] of cases) {
      const res = await send('POST', `/api/risk/points/${tank}/assessments`, w.cookies.inspector, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.issues.map((i: Issue) => i.path)).toEqual([path]);
    }
    expect((await get(`/api/risk/points/${tank}`, w.cookies.admin)).json()).toMatchObject({ current: null, history: [] });
  });

  it('grades by LEC and LS and keeps every re-assessment in the history', async () => {
    const lec = await send('POST', `/api/risk/points/${tank}/assessments`, w.cookies.inspector, { method: 'lec', l: 3, e: 6, c: 40, note: '储量大' });
    expect(lec.statusCode).toBe(201);
    expect(lec.json().current).toMatchObject({ method: 'lec', l: 3, e: 6, c: 40, s: null, value: 720, band: 'extreme', colour: 'red', selfAssessment: false });
    clock.advanceDays(1);
    const ls = await send('POST', `/api/risk/points/${tank}/assessments`, w.cookies.leader, { method: 'ls', l: 3, s: 4 });
    expect(ls.json().current).toMatchObject({ method: 'ls', value: 12, band: null, colour: 'yellow' });
    expect(ls.json().history.map((a: { value: number }) => a.value)).toEqual([12, 720]);
    const events = (await get(`/api/events?entityType=risk_point&entityId=${tank}`, w.cookies.admin)).json().items;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['risk_point.created', 'risk_point.assessed', 'risk_point.assessed']);
    const edited = await send('PATCH', `/api/risk/points/${tank}`, w.cookies.inspector, { controls: ['可燃气体报警', '围堰', '紧急切断阀'] });
    expect(edited.json()).toMatchObject({ controls: ['可燃气体报警', '围堰', '紧急切断阀'], hazardFactors: ['泄漏', '火灾爆炸'] });
  });

  it('lets an enterprise self-assess its own subjects: it may raise a regulator’s grading, never lower it', async () => {
    const own = await send('POST', '/api/risk/points', w.cookies.entA, point({ name: '塔吊作业区', assessment: { method: 'ls', l: 2, s: 2 } }));
    expect(own.statusCode).toBe(201);
    selfPoint = own.json().id;
    expect(own.json().current).toMatchObject({ colour: 'blue', selfAssessment: true });
    const byRegulator = await send('POST', `/api/risk/points/${selfPoint}/assessments`, w.cookies.inspector, { method: 'lec', l: 3, e: 6, c: 7 });
    expect(byRegulator.json().current).toMatchObject({ value: 126, band: 'significant', colour: 'orange', selfAssessment: false });
    const lower = await send('POST', `/api/risk/points/${selfPoint}/assessments`, w.cookies.entA, { method: 'ls', l: 1, s: 1 });
    expect(lower.statusCode).toBe(201);
    expect(lower.json().current).toMatchObject({ colour: 'orange', selfAssessment: false });
    expect(lower.json().history[0]).toMatchObject({ colour: 'blue', selfAssessment: true });
    const higher = await send('POST', `/api/risk/points/${selfPoint}/assessments`, w.cookies.entA, { method: 'ls', l: 4, s: 5 });
    expect(higher.json().current).toMatchObject({ value: 20, colour: 'red', selfAssessment: true });
  });

  it('keeps other organisations and other roles out', async () => {
    const b = w.cookies.entB;
    expect((await get(`/api/risk/points/${tank}`, b)).statusCode).toBe(404);
    expect((await get('/api/risk/points', b)).json()).toMatchObject({ total: 0, items: [] });
    expect((await get(`/api/risk/points?subjectId=${w.siteA.id}`, w.cookies.entA)).json().total).toBe(2);
    const foreign = await send('POST', '/api/risk/points', b, point());
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues[0].path).toBe('body.subjectId');
    expect((await send('POST', `/api/risk/points/${tank}/assessments`, b, { method: 'ls', l: 1, s: 1 })).statusCode).toBe(404);
    expect((await send('PATCH', `/api/risk/points/${tank}`, b, { name: '改名' })).statusCode).toBe(404);
    expect((await send('POST', `/api/risk/points/${tank}/assessments`, w.cookies.enforcer, { method: 'ls', l: 1, s: 1 })).statusCode).toBe(403);
    expect((await send('DELETE', `/api/risk/points/${selfPoint}`, w.cookies.entA)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/risk/points/${selfPoint}`, b)).statusCode).toBe(404);
    const retired = await send('DELETE', `/api/risk/points/${selfPoint}`, w.cookies.inspector);
    expect(retired.json()).toMatchObject({ active: false });
    const late = await send('POST', `/api/risk/points/${selfPoint}/assessments`, w.cookies.inspector, { method: 'ls', l: 1, s: 1 });
    expect(late.statusCode).toBe(400);
    expect((await get(`/api/risk/points?subjectId=${w.siteA.id}`, w.cookies.admin)).json().total).toBe(1);
  });

  it('grades by the configuration an administrator saves as setting "risk"', async () => {
    const cfg = { ...defaultRiskConfig, lec: { ...defaultRiskConfig.lec, above: { extreme: 320, high: 100, significant: 70, general: 20 } } };
    const bad = await send('PUT', '/api/settings/risk', w.cookies.admin, { ...cfg, lec: { ...cfg.lec, above: { extreme: 10, high: 100, significant: 70, general: 20 } } });
    expect(bad.statusCode).toBe(400);
    expect((await send('PUT', '/api/settings/risk', w.cookies.admin, cfg)).statusCode).toBe(200);
    expect((await get('/api/risk/config', w.cookies.inspector)).json().lec.above.high).toBe(100);
    const res = await send('POST', `/api/risk/points/${tank}/assessments`, w.cookies.inspector, { method: 'lec', l: 3, e: 6, c: 7 });
    expect(res.json().current).toMatchObject({ value: 126, band: 'high', colour: 'red' });
    expect((await send('PUT', '/api/settings/risk', w.cookies.admin, defaultRiskConfig)).statusCode).toBe(200);
  });
});
