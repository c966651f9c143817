import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { closedLoopWorld, TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { recompute } from './risk-fixture.js';
import { defaultRiskConfig } from './risk-config.js';
import { startRiskJob } from './risk-job.js';

type World = Awaited<ReturnType<typeof closedLoopWorld>>;
type PlanItem = { subjectName: string; colour: string; overdueDays: number; frequencyDays: number; suggestedInspectorId: string | null; escalation: string };

describe.each(engines)('inspection plan and risk board on $name', (engine) => {
  let database: Database;
  let w: World;
  const clock = new TestClock();
  const ids: Record<string, string> = {};
  const mine = ['红色工地甲', '红色工地乙', '橙色工地', '黄色工地', '蓝色工地'];
  const get = (url: string, cookie: string) => w.app.inject({ url, headers: { cookie } });
  const send = (method: 'POST' | 'PUT', url: string, cookie: string, payload: unknown) => w.app.inject({ method, url, headers: { cookie }, payload: payload as object });
  const daysAgo = (d: number) => new Date(clock.now().getTime() - d * 86_400_000).toISOString();
  const plan = async (query = '', cookie = w.cookies.inspector) => {
    const res = await get(`/api/risk/inspection-plan${query}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    return { body, items: (body.items as PlanItem[]).filter((i) => mine.includes(i.subjectName)) };
  };

  beforeAll(async () => {
    database = await engine.open();
    w = await closedLoopWorld(database, clock);
    const subjects = new SubjectsService(database.db);
    // name, owner, assessment, days since the last inspection, by whom
    const setup: [string, string, unknown, number, string][] = [
      ['红色工地甲', w.entA.id, { method: 'lec', l: 10, e: 6, c: 40 }, 10, w.users.inspector.id],
      ['红色工地乙', w.entB.id, { method: 'ls', l: 5, s: 5 }, 20, w.users.enforcer.id],
      ['橙色工地', w.entA.id, { method: 'lec', l: 3, e: 6, c: 7 }, 20, w.users.inspector.id],
      ['黄色工地', w.entA.id, { method: 'ls', l: 3, s: 3 }, 29.5, w.users.inspector.id],
      ['蓝色工地', w.entB.id, undefined, 30, w.users.inspector.id],
    ];
    for (const [i, [name, org, assessment, ago, by]] of setup.entries()) {
      const s = await subjects.create(null, { type: 'construction_site', name, organisationId: org, departmentId: w.dept.id, lat: 30.6 + i / 100, lon: 121.08 });
      ids[name] = s.id;
      if (assessment) expect((await send('POST', '/api/risk/points', w.cookies.inspector, { subjectId: s.id, name: `${name}风险点`, hazardFactors: ['高处坠落'], assessment })).statusCode).toBe(201);
      const ins = await send('POST', '/api/inspections', w.cookies.inspector, {
        subjectId: s.id,
        checklistId: w.checklist.id,
        inspectedAt: daysAgo(ago),
        inspectorIds: [by],
        answers: w.checklist.items.map((it) => ({ itemId: it.id, result: 'pass', fileIds: [] })),
      });
      expect(ins.statusCode, ins.body).toBe(201);
    }
    clock.advanceDays(-1);
    await recompute(w.app, w.cookies.admin);
    clock.advanceDays(1);
    await recompute(w.app, w.cookies.admin);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it('lists the subjects due this week, red first and then the longest overdue, with who should go', async () => {
    const { body, items } = await plan();
    expect(body.week).toBe('2026-W51');
    expect(items.map((i) => [i.subjectName, i.colour, i.frequencyDays, i.overdueDays])).toEqual([
      ['红色工地乙', 'red', 7, 13],
      ['红色工地甲', 'red', 7, 3],
      ['橙色工地', 'orange', 14, 6],
      ['黄色工地', 'yellow', 30, 0],
    ]);
    expect(items.map((i) => i.suggestedInspectorId)).toEqual([w.users.enforcer.id, w.users.inspector.id, w.users.inspector.id, w.users.inspector.id]);
    const all = body.items as PlanItem[];
    const rank = { red: 3, orange: 2, yellow: 1, blue: 0 } as Record<string, number>;
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(rank[a.colour]! > rank[b.colour]! || (a.colour === b.colour && a.overdueDays >= b.overdueDays)).toBe(true);
    }
    expect(body.byDepartment).toEqual([{ id: w.dept.id, name: '港区自然资源和规划建设局', count: body.total, red: 2 }]);
    expect(body.byInspector.find((g: { id: string }) => g.id === w.users.enforcer.id)).toMatchObject({ name: 'enforcer', count: 1, red: 1 });
  });

  it('filters by inspector and department, plans weeks ahead and refuses weeks that do not exist', async () => {
    expect((await plan(`?inspectorId=${w.users.enforcer.id}`)).body.items.map((i: PlanItem) => i.subjectName)).toEqual(['红色工地乙']);
    expect((await plan(`?departmentId=${w.entA.id}`)).body.total).toBe(0);
    // A week ahead counts overdue days from its Monday (2026-12-28 00:00 in China, 7 days 14 hours from now).
    const later = await plan('?week=2026-W53');
    expect(later.body.from).toBe('2026-12-27T16:00:00.000Z');
    expect(later.items.map((i) => [i.subjectName, i.overdueDays])).toEqual([['红色工地乙', 20], ['红色工地甲', 10], ['橙色工地', 13], ['黄色工地', 7]]);
    for (const week of ['2027-W53', '2026-52']) {
      const bad = await get(`/api/risk/inspection-plan?week=${week}`, w.cookies.inspector);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0].path).toBe('query.week');
    }
    expect((await get('/api/risk/inspection-plan', w.cookies.entA)).statusCode).toBe(403);
  });

  it('plans a listed subject at its step’s stricter frequency', async () => {
    const set = await send('PUT', `/api/risk/subjects/${ids['橙色工地']}/escalation`, w.cookies.leader, { level: 'listed', reason: '多次检查发现同类问题,挂牌督办' });
    expect(set.statusCode, set.body).toBe(200);
    const orange = (await plan()).items.find((i) => i.subjectName === '橙色工地')!;
    expect(orange).toMatchObject({ escalation: 'listed', frequencyDays: 7, overdueDays: 13 });
  });

  it('draws the board: counts, a 30-day trend, this week’s escalations and top risks', async () => {
    const res = await get('/api/risk/board', w.cookies.leader);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.byColour).toEqual({ red: 2, orange: 1, yellow: 1, blue: 3 });
    expect(b.byType).toEqual([{ type: 'construction_site', red: 2, orange: 1, yellow: 1, blue: 3 }]);
    expect(b.byEscalation).toEqual({ none: 6, listed: 1, escalated: 0 });
    expect(b.trend).toHaveLength(30);
    expect(b.trend.slice(-2)).toEqual([
      { day: '2026-12-19', red: 2, orange: 1, yellow: 1, blue: 3 },
      { day: '2026-12-20', red: 2, orange: 1, yellow: 1, blue: 3 },
    ]);
    expect(b.trend[0]).toEqual({ day: '2026-11-21', red: 0, orange: 0, yellow: 0, blue: 0 });
    expect(b.escalationsThisWeek).toMatchObject([{ type: 'subject.escalated', subjectName: '橙色工地', from: 'none', to: 'listed', manual: true, reasons: [{ code: 'manual' }] }]);
    expect(b.topRisks.map((t: { subjectName: string; score: number }) => [t.subjectName, t.score])).toEqual([['红色工地乙', 60], ['红色工地甲', 60], ['橙色工地', 35], ['黄色工地', 15]].sort((x, y) => (y[1] as number) - (x[1] as number) || String(x[0]).localeCompare(String(y[0]))));
    expect(b.topRisks[0].topFactors[0]).toMatchObject({ code: 'assessed_risk', points: 60 });
  });

  it('shows an enterprise the board of its own subjects only', async () => {
    const b = (await get('/api/risk/board', w.cookies.entB)).json();
    expect(b.byColour).toEqual({ red: 1, orange: 0, yellow: 0, blue: 2 });
    expect(b.escalationsThisWeek).toEqual([]);
    expect(b.topRisks.map((t: { subjectName: string }) => t.subjectName)).toEqual(['红色工地乙']);
  });

  it('recomputes when the periodic job starts, and logs a failed run instead of throwing', async () => {
    const runs = async () => (await database.db.selectFrom('risk_runs').select('id').execute()).length;
    const before = await runs();
    const logged: string[] = [];
    const job = startRiskJob(database.db, { config: async () => defaultRiskConfig, now: clock.now, log: (m) => logged.push(m) });
    await job.ready;
    await job.stop();
    expect(await runs()).toBe(before + 1);
    const broken = startRiskJob(database.db, { config: () => Promise.reject(new Error('no config')), log: (m) => logged.push(m) });
    await broken.ready;
    await broken.stop();
    expect(logged).toEqual(['risk recompute failed']);
  });
});
