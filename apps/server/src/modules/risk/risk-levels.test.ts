import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { seedOrganisation } from '../../test-support/app.js';
import { closedLoopWorld, TestClock, upload } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { verifyEventChain } from '../events/event-log.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { recompute, RiskFacts } from './risk-fixture.js';

type World = Awaited<ReturnType<typeof closedLoopWorld>>;
type Factor = { code: string; points: number; evidenceIds: string[] };
type Risk = { subjectId: string; score: number; factors: Factor[]; organisationId: string | null };

describe.each(engines)('risk levels and the escalation ladder on $name', (engine) => {
  let database: Database;
  let w: World;
  let facts: RiskFacts;
  const clock = new TestClock();
  let districtId: string;
  let carrier: { id: string; name: string };
  let vehicles: string[];
  const get = (url: string, cookie: string) => w.app.inject({ url, headers: { cookie } });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
    w.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const run = async () => (await recompute(w.app, w.cookies.admin)).body.moves;
  const movesOf = async (name: string) => (await run()).filter((m) => m.subjectName === name).map((m) => `${m.from}→${m.to}:${m.reasons.map((r) => r.code).join('+')}`);
  const risk = async (id: string, cookie = w.cookies.admin) => (await get(`/api/risk/subjects/${id}`, cookie)).json();
  const inDays = (d: number) => new Date(clock.now().getTime() + d * 86_400_000).toISOString();

  beforeAll(async () => {
    database = await engine.open();
    districtId = (await seedOrganisation(database, { kind: 'government', name: '嘉兴港区党工委管委会' })).id;
    w = await closedLoopWorld(database, clock);
    facts = new RiskFacts(database, clock.now);
    carrier = await new SubjectsService(database.db).create(null, { type: 'hazmat_carrier', name: '港通危货运输车队', organisationId: w.entB.id, departmentId: w.dept.id, lat: 30.62, lon: 121.05 });
    vehicles = [await facts.vehicle(w.entB.id), await facts.vehicle(w.entB.id)];
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it('lists a site with an open major hazard, escalates it when overdue, and steps down one level per clean period', async () => {
    const site = w.siteA.name;
    const found = await send('POST', '/api/hazards', w.cookies.inspector, { subjectId: w.siteA.id, level: 'major', category: '起重机械', description: '塔吊未经验收投入使用', beforeFileIds: [await upload(w.app, w.cookies.inspector)] });
    const hazardId = found.json().id as string;
    expect(await movesOf(site)).toEqual(['none→listed:major_hazard_open']);
    expect(await risk(w.siteA.id)).toMatchObject({
      score: 30,
      colour: 'yellow',
      escalation: 'listed',
      factors: [{ code: 'open_major_hazards', points: 30, evidenceIds: [hazardId] }],
      escalationState: { level: 'listed', supervisorScope: 'department', supervisorRole: 'inspector', supervisorOrganisationId: w.dept.id, inspectionFrequencyDays: 7, dailyOnlineReview: true, manual: null },
    });
    expect(await movesOf(site)).toEqual([]);

    const notice = await send('POST', '/api/notices', w.cookies.inspector, { kind: 'stop_work', hazardIds: [hazardId], deadline: inDays(5), stopWorkScope: '塔吊作业' });
    expect(notice.statusCode).toBe(201);
    clock.advanceDays(6);
    expect(await movesOf(site)).toEqual(['listed→escalated:major_hazard_overdue+major_hazard_open']);
    expect((await risk(w.siteA.id)).escalationState).toMatchObject({ level: 'escalated', supervisorScope: 'district', supervisorRole: 'leader', supervisorOrganisationId: districtId, inspectionFrequencyDays: 3 });
    // The board's ladder reads the step and since when from the list, without a request per subject.
    const ladder = (await get('/api/risk/subjects?escalation=escalated', w.cookies.leader)).json().items as { subjectId: string; escalationSince: string; escalationManual: boolean }[];
    expect(ladder.find((r) => r.subjectId === w.siteA.id)).toMatchObject({ escalationSince: clock.now().toISOString(), escalationManual: false });

    expect((await send('POST', `/api/hazards/${hazardId}/transitions`, w.cookies.inspector, { action: 'void', reason: '重复录入,以另一条为准' })).statusCode).toBe(200);
    expect(await movesOf(site)).toEqual([]);
    clock.advanceDays(29);
    expect(await movesOf(site)).toEqual([]);
    clock.advanceDays(1);
    expect(await movesOf(site)).toEqual(['escalated→listed:clean_period']);
    clock.advanceDays(29);
    expect(await movesOf(site)).toEqual([]);
    clock.advanceDays(1);
    expect(await movesOf(site)).toEqual(['listed→none:clean_period']);
    expect(await risk(w.siteA.id)).toMatchObject({ score: 0, colour: 'blue', escalation: 'none', factors: [] });

    const events = (await get(`/api/events?entityType=subject&entityId=${w.siteA.id}`, w.cookies.entA)).json().items as { type: string; payload: { from: string; to: string; reasons: unknown[] } }[];
    const moves = events.filter((e) => e.type !== 'subject.created');
    expect(moves.map((e) => `${e.type} ${e.payload.from}→${e.payload.to}`)).toEqual([
      'subject.escalated none→listed',
      'subject.escalated listed→escalated',
      'subject.deescalated escalated→listed',
      'subject.deescalated listed→none',
    ]);
    expect(moves.every((e) => e.payload.reasons.length > 0)).toBe(true);
  });

  it('lists a carrier for its vehicles’ violations, escalates a repeat offender and puts its fleet on daily online review', async () => {
    const [v1, v2] = vehicles as [string, string];
    await facts.alarms(v1, w.entB.id, 5, { severity: 'serious', daysAgo: 2, handledAfterMin: 10 });
    expect(await movesOf(carrier.name)).toEqual(['none→listed:vehicle_violations']);
    const fleet = (await get('/api/risk/vehicles', w.cookies.entB)).json();
    expect(fleet.items).toHaveLength(2);
    expect(fleet.items[0]).toMatchObject({ vehicleId: v1, score: 15, colour: 'yellow', dailyOnlineReview: true, factors: [{ code: 'vehicle_violations', points: 15 }] });
    expect(fleet.items[1]).toMatchObject({ vehicleId: v2, score: 0, dailyOnlineReview: true });
    expect((await get('/api/risk/vehicles', w.cookies.entA)).json().items).toEqual([]);

    const late = await facts.alarms(v2, w.entB.id, 10, { severity: 'critical', daysAgo: 1, handledAfterMin: 120 });
    expect(await movesOf(carrier.name)).toEqual(['listed→escalated:repeat_violations+vehicle_violations']);
    const r = await risk(carrier.id, w.cookies.entB);
    const points = Object.fromEntries((r.factors as Factor[]).map((f) => [f.code, f.points]));
    expect(points).toEqual({ vehicle_violations: 45, alarm_handling: 13 });
    expect(r.score).toBe(58);
    expect(r.colour).toBe('orange');
    expect((r.factors as Factor[]).find((f) => f.code === 'alarm_handling')!.evidenceIds.sort()).toEqual([...late].sort());
    expect((await get('/api/risk/vehicles?dailyReview=true', w.cookies.admin)).json().total).toBe(2);
  });

  it('lists a site whose hazard failed its re-check twice, counting repeated findings and every failure', async () => {
    await facts.hazard(w.siteB.id, { category: '消防', status: 'closed', foundDaysAgo: 40 });
    await facts.hazard(w.siteB.id, { category: '消防', status: 'rectifying', deadlineDays: 60, recheckFailures: 2, foundDaysAgo: 5 });
    expect(await movesOf(w.siteB.name)).toEqual(['none→listed:recheck_failed']);
    const r = await risk(w.siteB.id);
    expect(Object.fromEntries((r.factors as Factor[]).map((f) => [f.code, f.points]))).toEqual({ recheck_failures: 16, repeated_findings: 10, open_general_hazards: 4 });
    expect(r.score).toBe(30);
  });

  it('escalates a site listed for 30 days without improvement', async () => {
    clock.advanceDays(29);
    expect(await movesOf(w.siteB.name)).toEqual([]);
    clock.advanceDays(1);
    const moves = (await run()).map((m) => `${m.subjectName}:${m.from}→${m.to}:${m.reasons.map((r) => r.code).join('+')}`);
    // The carrier's serious alarms fell to 10 (under 15) at the previous run: its clean period has only begun.
    expect(moves).toEqual([`${w.siteB.name}:listed→escalated:no_improvement+recheck_failed`]);
    expect((await risk(carrier.id)).escalationState).toMatchObject({ level: 'escalated' });
  });

  it('holds a leader’s manual level until it is cleared, then lets the rules take over', async () => {
    const body = { level: 'listed', reason: '企业已停工整改,降为挂牌督办' };
    expect((await send('PUT', `/api/risk/subjects/${w.siteB.id}/escalation`, w.cookies.inspector, body)).statusCode).toBe(403);
    expect((await send('PUT', `/api/risk/subjects/${w.siteB.id}/escalation`, w.cookies.entB, body)).statusCode).toBe(403);
    expect((await send('PUT', `/api/risk/subjects/${w.siteB.id}/escalation`, w.cookies.entA, body)).statusCode).toBe(404);
    const bad = await send('PUT', `/api/risk/subjects/${w.siteB.id}/escalation`, w.cookies.leader, { level: 'high', reason: 'x' });
    expect(bad.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.level', 'body.reason']);
    const set = await send('PUT', `/api/risk/subjects/${w.siteB.id}/escalation`, w.cookies.leader, body);
    expect(set.statusCode).toBe(200);
    expect(set.json().escalationState).toMatchObject({ level: 'listed', manual: { level: 'listed', reason: body.reason, by: w.users.leader.id }, inspectionFrequencyDays: 7 });
    clock.advanceDays(3);
    expect(await movesOf(w.siteB.name)).toEqual([]);
    expect((await risk(w.siteB.id)).escalation).toBe('listed');

    const cleared = await send('DELETE', `/api/risk/subjects/${w.siteB.id}/escalation`, w.cookies.admin);
    expect(cleared.statusCode, cleared.body).toBe(200);
    // The facts still call for escalated control (re-check failed twice, no improvement): the rules take over at once.
    expect(cleared.json().escalationState).toMatchObject({ level: 'escalated', manual: null });
    expect((await send('DELETE', `/api/risk/subjects/${w.siteB.id}/escalation`, w.cookies.admin)).statusCode).toBe(409);
    const types = (await get(`/api/events?entityType=subject&entityId=${w.siteB.id}`, w.cookies.admin)).json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual(['subject.created', 'subject.escalated', 'subject.escalated', 'subject.deescalated', 'subject.escalation_override_cleared', 'subject.escalated']);
  });

  it('explains every level by factors that sum to its score, and shows an enterprise only its own', async () => {
    const all = (await get('/api/risk/subjects?limit=500', w.cookies.leader)).json();
    expect(all.total).toBe(3);
    for (const s of all.items as Risk[]) expect(s.factors.reduce((a, f) => a + f.points, 0)).toBe(s.score);
    expect((all.items as Risk[]).map((s) => s.score)).toEqual([...(all.items as Risk[]).map((s) => s.score)].sort((a, b) => b - a));
    const mine = (await get('/api/risk/subjects', w.cookies.entB)).json();
    expect(new Set((mine.items as Risk[]).map((s) => s.organisationId))).toEqual(new Set([w.entB.id]));
    expect(mine.total).toBe(2);
    expect((await get(`/api/risk/subjects/${w.siteB.id}`, w.cookies.entA)).statusCode).toBe(404);
    expect((await get(`/api/risk/subjects?escalation=escalated`, w.cookies.admin)).json().items.map((s: Risk) => s.subjectId).sort()).toEqual([carrier.id, w.siteB.id].sort());
    expect((await send('POST', '/api/risk/recompute', w.cookies.leader)).statusCode).toBe(403);
  });

  it('writes every move into a chain that verifies', async () => {
    expect(await verifyEventChain(database.db)).toMatchObject({ ok: true });
  });
});
