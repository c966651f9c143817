import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { closedLoopWorld, multipart, PDF, PNG, TestClock, upload } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { verifyEventChain } from '../events/event-log.js';

type World = Awaited<ReturnType<typeof closedLoopWorld>>;

describe.each(engines)('the closed loop on $name', (engine) => {
  let database: Database;
  let w: World;
  const clock = new TestClock();
  let general: string;
  let major: string;
  let electric: string;
  const inDays = (d: number) => new Date(clock.now().getTime() + d * 86_400_000).toISOString();
  const post = (url: string, cookie: string, payload: unknown, headers: Record<string, string> = {}) =>
    w.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload: payload as object });
  const move = (id: string, cookie: string, payload: unknown) => post(`/api/hazards/${id}/transitions`, cookie, payload);
  const hazardOf = async (id: string, cookie = w.cookies.admin) => (await w.app.inject({ url: `/api/hazards/${id}`, headers: { cookie } })).json();

  beforeAll(async () => {
    database = await engine.open();
    w = await closedLoopWorld(database, clock);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it('accepts real photos and PDFs only, within the size limit', async () => {
    expect(await upload(w.app, w.cookies.inspector)).toMatch(/^[0-9a-f-]{36}$/);
    const text = multipart(Buffer.from('not a photo at all'), 'photo.jpg', 'image/jpeg');
    const refused = await w.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: w.cookies.inspector, ...text.headers }, payload: text.payload });
    expect(refused.statusCode).toBe(415);
    const big = multipart(Buffer.concat([PNG, Buffer.alloc(200_000)]), 'big.png', 'image/png');
    const tooBig = await w.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: w.cookies.inspector, ...big.headers }, payload: big.payload });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
  });

  it('turns the failed items of an inspection into hazards, requiring their photos, once per idempotency key', async () => {
    const items = w.checklist.items;
    const base = { campaignId: w.campaignId, subjectId: w.siteA.id, checklistId: w.checklist.id, inspectedAt: clock.now().toISOString(), lat: 30.612, lon: 121.081, inspectorIds: [w.users.inspector.id, w.users.enforcer.id] };
    const noPhoto = await post('/api/inspections', w.cookies.inspector, { ...base, answers: [{ itemId: items[0]!.id, result: 'fail' }] });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json().error.issues[0].path).toBe('body.answers.0.fileIds');
    const noNote = await post('/api/inspections', w.cookies.inspector, { ...base, answers: [{ itemId: items[1]!.id, result: 'fail', fileIds: [await upload(w.app, w.cookies.inspector)] }] });
    expect(noNote.json().error.issues[0].path).toBe('body.answers.0.note');

    const body = {
      ...base,
      answers: [
        { itemId: items[0]!.id, result: 'fail', fileIds: [await upload(w.app, w.cookies.inspector)] },
        { itemId: items[1]!.id, result: 'fail', note: '塔吊未取得验收合格证', fileIds: [await upload(w.app, w.cookies.inspector)] },
        { itemId: items[2]!.id, result: 'fail', note: '配电箱未设漏电保护', fileIds: [await upload(w.app, w.cookies.inspector)] },
      ],
    };
    const key = { 'idempotency-key': 'phone-draft-0001' };
    const first = await post('/api/inspections', w.cookies.inspector, body, key);
    expect(first.statusCode).toBe(201);
    const again = await post('/api/inspections', w.cookies.inspector, body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const ledger = await w.app.inject({ url: `/api/hazards?campaignId=${w.campaignId}`, headers: { cookie: w.cookies.admin } });
    expect(ledger.json().total).toBe(3);
    [general, major, electric] = first.json().hazardIds as [string, string, string];
    const m = await hazardOf(major!);
    expect(m).toMatchObject({ level: 'major', riskColour: 'red', status: 'found', clause: '第八条', catalogue: '房屋市政工程生产安全重大事故隐患判定标准(2024版)', subjectName: '三江化工AEO项目工地' });
    expect(m.code).toMatch(/^YH2026-\d{6}$/);
    expect(m.files).toHaveLength(1);
    expect(m.allowedActions).toEqual(['issue_notice', 'void', 'set_escalation', 'open_case', 'edit_plan']);
  });

  it('refuses illegal moves with a clear error', async () => {
    const res = await move(general, w.cookies.inspector, { action: 'recheck_pass' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'illegal_transition', message: '隐患当前状态为「已发现」,不能复查通过' });
    const onSpot = await move(major, w.cookies.inspector, { action: 'fix_on_spot', note: '已整改', afterFileIds: [await upload(w.app, w.cookies.inspector)] });
    expect(onSpot.statusCode).toBe(409);
    expect(onSpot.json().error.message).toBe('重大隐患不能现场整改');
    const byEnterprise = await move(general, w.cookies.entA, { action: 'void', reason: '不是隐患' });
    expect(byEnterprise.statusCode).toBe(403);
  });

  it('issues a numbered notice as a PDF that is served unchanged', async () => {
    const past = await post('/api/notices', w.cookies.inspector, { kind: 'rectify', hazardIds: [general, electric], deadline: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues[0].path).toBe('body.deadline');
    const mixed = await post('/api/notices', w.cookies.inspector, { kind: 'rectify', hazardIds: ['00000000-0000-4000-8000-000000000000'], deadline: inDays(7) });
    expect(mixed.statusCode).toBe(400);

    const res = await post('/api/notices', w.cookies.inspector, { kind: 'rectify', hazardIds: [general, electric], deadline: inDays(7) });
    expect(res.statusCode).toBe(201);
    const notice = res.json();
    expect(notice.number).toBe('嘉港资规限改〔2026〕1号');
    expect(notice.recipient).toBe('三江化工有限公司');
    const pdf1 = await w.app.inject({ url: notice.pdfUrl, headers: { cookie: w.cookies.entA } });
    expect(pdf1.statusCode).toBe(200);
    expect(pdf1.headers['content-type']).toBe('application/pdf');
    expect(pdf1.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf2 = await w.app.inject({ url: notice.pdfUrl, headers: { cookie: w.cookies.admin } });
    expect(pdf2.rawPayload.equals(pdf1.rawPayload)).toBe(true);
    expect(await hazardOf(general)).toMatchObject({ status: 'notice_issued', noticeId: notice.id, deadline: inDays(7) });
    const stop = await post('/api/notices', w.cookies.inspector, { kind: 'stop_work', hazardIds: [major], deadline: inDays(15), stopWorkScope: '塔吊作业' });
    expect(stop.json().number).toBe('嘉港资规停改〔2026〕1号');
  });

  it('keeps enterprise B out of enterprise A’s hazards, notices and files, by any URL', async () => {
    const b = w.cookies.entB;
    expect((await w.app.inject({ url: `/api/hazards/${general}`, headers: { cookie: b } })).statusCode).toBe(404);
    expect((await move(general, b, { action: 'start_rectifying' })).statusCode).toBe(404);
    const detail = await hazardOf(general, w.cookies.entA);
    expect((await w.app.inject({ url: `/api/notices/${detail.noticeId}`, headers: { cookie: b } })).statusCode).toBe(404);
    expect((await w.app.inject({ url: `/api/notices/${detail.noticeId}/pdf`, headers: { cookie: b } })).statusCode).toBe(404);
    expect((await w.app.inject({ url: `/api/files/${detail.files[0].id}`, headers: { cookie: b } })).statusCode).toBe(404);
    expect((await w.app.inject({ url: `/api/files/${detail.files[0].id}`, headers: { cookie: w.cookies.entA } })).statusCode).toBe(200);
    expect((await w.app.inject({ url: '/api/hazards', headers: { cookie: b } })).json().total).toBe(0);
    expect((await w.app.inject({ url: '/api/notices', headers: { cookie: b } })).json().items).toEqual([]);
    const ownA = await w.app.inject({ url: '/api/hazards', headers: { cookie: w.cookies.entA } });
    expect(ownA.json().total).toBe(3);
    // B may not submit A's evidence into its own hazard either.
    const fileOfA = await upload(w.app, w.cookies.entA);
    const sneaky = await post('/api/hazards', w.cookies.inspector, { subjectId: w.siteB.id, level: 'general', category: '消防', description: '消防通道堵塞', beforeFileIds: [fileOfA] });
    expect(sneaky.statusCode).toBe(201);
  });

  it('takes a general hazard through rectification, a failed re-check and closure', async () => {
    const a = w.cookies.entA;
    expect((await move(general, a, { action: 'start_rectifying', note: '已安排整改' })).json().status).toBe('rectifying');
    const after = await upload(w.app, a);
    expect((await move(general, a, { action: 'submit', description: '已为全部作业人员配发安全帽', afterFileIds: [after] })).json().status).toBe('submitted');
    const failed = await move(general, w.cookies.inspector, { action: 'recheck_fail', reason: '仍有两名工人未戴安全帽', newDeadline: inDays(3) });
    expect(failed.json()).toMatchObject({ status: 'rectifying', recheckFailures: 1, deadline: inDays(3) });
    await move(general, a, { action: 'submit', description: '已全部整改并加强教育', afterFileIds: [await upload(w.app, a)] });
    const closed = await move(general, w.cookies.inspector, { action: 'recheck_pass', note: '复查合格' });
    expect(closed.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect(closed.json().closedAt).toBe(clock.now().toISOString());
    const events = (await w.app.inject({ url: `/api/events?entityType=hazard&entityId=${general}`, headers: { cookie: a } })).json().items;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'hazard.found', 'hazard.issue_notice', 'hazard.start_rectifying', 'hazard.submit', 'hazard.recheck_fail', 'hazard.submit', 'hazard.recheck_pass',
    ]);
  });

  it('closes a major hazard only with its six-part plan, an acceptance report and the leader’s sign-off', async () => {
    const a = w.cookies.entA;
    const submit = () => move(major, a, { action: 'submit', description: '塔吊已检测验收', afterFileIds: [after], acceptanceFileIds: [] });
    const after = await upload(w.app, a);
    const noPlan = await submit();
    expect(noPlan.statusCode).toBe(400);
    expect(noPlan.json().error.message).toBe('重大隐患须先提交治理方案(六项内容)');
    const partial = await w.app.inject({ method: 'PUT', url: `/api/hazards/${major}/plan`, headers: { cookie: a }, payload: { goals: '消除塔吊隐患' } });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.measures', 'body.funding', 'body.organisation', 'body.timeline', 'body.safetyMeasures']);
    const plan = { goals: '消除塔吊未验收隐患', measures: '停用塔吊,委托检测机构检测', funding: '检测费用3万元', organisation: '项目经理负责,安全员监督', timeline: '15日内完成', safetyMeasures: '停用期间设置警戒区,制定应急预案' };
    expect((await w.app.inject({ method: 'PUT', url: `/api/hazards/${major}/plan`, headers: { cookie: a }, payload: plan })).json().plan).toEqual(plan);
    const noAcceptance = await submit();
    expect(noAcceptance.json().error.issues[0].path).toBe('body.acceptanceFileIds');
    const report = await upload(w.app, a, PDF, '验收报告.pdf', 'application/pdf');
    const submitted = await move(major, a, { action: 'submit', description: '塔吊已检测验收', afterFileIds: [after], acceptanceFileIds: [report] });
    expect(submitted.json()).toMatchObject({ status: 'submitted', acceptanceDueAt: inDays(10), acceptanceOverdue: false });
    clock.advanceDays(11);
    const late = await w.app.inject({ url: '/api/hazards?acceptanceOverdue=true', headers: { cookie: w.cookies.admin } });
    expect(late.json().items.map((h: { id: string }) => h.id)).toEqual([major]);
    clock.advanceDays(-11);
    expect((await move(major, w.cookies.inspector, { action: 'recheck_pass' })).json().status).toBe('verified');
    expect((await move(major, w.cookies.inspector, { action: 'close' })).statusCode).toBe(403);
    expect((await move(major, w.cookies.leader, { action: 'close', note: '同意销号' })).json().status).toBe('closed');
  });

  it('flags overdue hazards once the deadline passes, in the ledger and the figures', async () => {
    expect((await w.app.inject({ url: '/api/hazards?overdue=true', headers: { cookie: w.cookies.admin } })).json().total).toBe(0);
    clock.advanceDays(8);
    const overdue = await w.app.inject({ url: '/api/hazards?overdue=true', headers: { cookie: w.cookies.admin } });
    expect(overdue.json().items.map((h: { id: string }) => h.id)).toEqual([electric]);
    expect(overdue.json().items[0].overdue).toBe(true);
    const filtered = await w.app.inject({ url: `/api/hazards?status=open&level=general&subjectType=construction_site&campaignId=${w.campaignId}`, headers: { cookie: w.cookies.admin } });
    expect(filtered.json().items.map((h: { id: string }) => h.id)).toEqual([electric]);
    const bad = await w.app.inject({ url: '/api/hazards?level=severe&limit=0', headers: { cookie: w.cookies.admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.level', 'query.limit']);
  });

  it('opens an enforcement case beside a hazard without closing it', async () => {
    const res = await post('/api/cases', w.cookies.enforcer, { subjectId: w.siteA.id, hazardIds: [electric], summary: '临时用电隐患逾期未整改,立案查处' });
    expect(res.statusCode).toBe(201);
    expect(res.json().number).toBe('嘉港资规立〔2026〕1号');
    expect(await hazardOf(electric)).toMatchObject({ status: 'notice_issued', caseIds: [res.json().id] });
    expect((await post('/api/cases', w.cookies.inspector, { subjectId: w.siteA.id, summary: 'x'.repeat(5) })).statusCode).toBe(403);
  });

  it('produces the campaign figures and briefing from the records', async () => {
    const res = await w.app.inject({ url: `/api/campaigns/${w.campaignId}/statistics`, headers: { cookie: w.cookies.leader } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      inspectorVisits: 2,
      inspections: 1,
      subjectsInspected: { construction_site: 1 },
      hazardsFound: 3,
      majorHazards: 1,
      notices: { rectify: 1, stop_work: 1 },
      cases: 1,
      rectified: 2,
      open: 1,
      overdue: 1,
      closureRate: 0.6667,
    });
    expect(res.json().briefing).toBe(
      '岁末年初安全生产大检查开展以来,累计出动检查人员2人次,排查在建工地1个,共发现各类安全隐患3项,已整改2项;下达限期整改通知书1份、停工整改通知书1份,并对问题突出的项目立案查处1起。隐患整改率66.7%,尚未销号1项,其中逾期1项。',
    );
    expect((await w.app.inject({ url: `/api/campaigns/${w.campaignId}/statistics`, headers: { cookie: w.cookies.entA } })).statusCode).toBe(403);
  });

  it('exports the ledger to Excel with the same filters', async () => {
    const res = await w.app.inject({ url: `/api/hazards/export.xlsx?campaignId=${w.campaignId}`, headers: { cookie: w.cookies.admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = values.find((r) => r.includes('隐患编号'))!;
    expect(header).toEqual(expect.arrayContaining(['隐患编号', '检查对象', '隐患等级', '状态', '整改期限', '是否逾期']));
    const rows = values.slice(values.indexOf(header) + 1);
    expect(rows).toHaveLength(3);
    expect(rows.flat()).toEqual(expect.arrayContaining(['重大', '已销号', '是']));
  });

  it('writes every change into a chain that verifies', async () => {
    expect(await verifyEventChain(database.db)).toMatchObject({ ok: true, firstBrokenId: null });
  });
});
