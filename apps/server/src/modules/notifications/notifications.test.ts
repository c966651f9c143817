import { urgentCategories, type Digest, type NotificationItem } from '@anlan/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { DigestService } from './digest.service.js';
import { NotificationDispatcher } from './dispatcher.js';
import { notificationsWorld, RecordingChannel } from './notifications-fixture.js';

type World = Awaited<ReturnType<typeof notificationsWorld>>;
type Who = keyof World['cookies'];

describe.each(engines)('notifications on $name', (engine) => {
  let database: Database;
  let w: World;
  const clock = new TestClock();
  const channel = new RecordingChannel();
  let dispatcher: NotificationDispatcher;
  let digests: DigestService;
  const ids: Record<string, string> = {};
  const digestIds: Partial<Record<Who, string>> = {};

  const get = (url: string, who: Who) => w.app.inject({ url, headers: { cookie: w.cookies[who] } });
  const send = (method: 'POST' | 'PUT', url: string, who: Who, payload?: object) => w.app.inject({ method, url, headers: { cookie: w.cookies[who] }, ...(payload ? { payload } : {}) });
  const inbox = async (who: Who): Promise<NotificationItem[]> => (await get('/api/notifications?limit=200', who)).json().items;
  const titles = async (who: Who) => (await inbox(who)).filter((i) => i.kind === 'event').map((i) => i.title['zh-CN']).sort();
  const inDays = (d: number) => new Date(clock.now().getTime() + d * 86_400_000).toISOString();

  beforeAll(async () => {
    database = await engine.open();
    w = await notificationsWorld(database, clock);
    dispatcher = new NotificationDispatcher(database.db, { now: clock.now, channels: [channel] });
    digests = new DigestService(database.db, clock.now);

    const aMajor = await w.hazard(w.siteA.id, 'major', '塔吊未经验收投入使用');
    const aGeneral = await w.hazard(w.siteA.id, 'general', '作业人员未戴安全帽');
    const bGeneral = await w.hazard(w.siteB.id, 'general', '仓库消防通道堵塞');
    Object.assign(ids, { aMajor: aMajor.id, aGeneral: aGeneral.id, bGeneral: bGeneral.id, aMajorCode: aMajor.code, bCode: bGeneral.code });
    ids.bCritical = await w.record('alarm', 'alarm.raised', w.entB.id, { severity: 'critical', plate: '浙F0001B', alarmType: 'restricted_zone' });
    ids.bEscalated = await w.record('alarm', 'alarm.escalated', w.entB.id, { severity: 'serious', plate: '浙F0002B', alarmType: 'overspeed' });
    ids.aWarning = await w.record('alarm', 'alarm.raised', w.entA.id, { severity: 'warning', plate: '浙F0003A', alarmType: 'overspeed' });
    await w.record('subject', 'subject.escalated', w.entA.id, { from: 'orange', to: 'red', reasons: ['重大隐患逾期未整改'] }, w.siteA.id);
    await w.record('public_report', 'public_report.received', null, { serviceCode: 'gas_smell' });
    const listed = await send('POST', `/api/hazards/${bGeneral.id}/transitions`, 'leader', { action: 'set_escalation', level: 'listed', reason: '逾期风险高' });
    expect(listed.statusCode).toBe(200);
    const run = await dispatcher.drain();
    expect(run.items).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await w?.app.close();
    await database?.close();
  });

  it('pushes only red and escalation events, each to the users they concern', async () => {
    expect(await titles('entA')).toEqual([`发现重大隐患 ${ids.aMajorCode}:塔吊未经验收投入使用`, '三江化工AEO项目工地 风险升级:较大风险 → 重大风险 · 重大隐患逾期未整改'].sort());
    expect(await titles('entB')).toEqual([`隐患 ${ids.bCode} 升级为挂牌督办`, '浙F0001B 驶入禁行区域报警(紧急)', '浙F0002B 超速报警超时未处置,已升级'].sort());
    expect(await titles('monitor')).toEqual(['浙F0001B 驶入禁行区域报警(紧急)', '浙F0002B 超速报警超时未处置,已升级']);
    // The leader made the escalation and is not told of it; everything else urgent reaches them.
    expect((await titles('leader')).length).toBe(4);
    expect(await titles('leader')).not.toContain(`隐患 ${ids.bCode} 升级为挂牌督办`);
    // The inspector recorded the hazards: not told of their own findings, but of the escalations in their department.
    expect(await titles('inspector')).toEqual([`隐患 ${ids.bCode} 升级为挂牌督办`, '三江化工AEO项目工地 风险升级:较大风险 → 重大风险 · 重大隐患逾期未整改'].sort());
    expect(await titles('inspector2')).toEqual([]);
    expect(await titles('entC')).toEqual([]);

    const pushed = await database.db.selectFrom('notifications').select(['urgent', 'category']).where('kind', '=', 'event').where('in_inbox', '=', true).execute();
    expect(pushed.length).toBeGreaterThan(10);
    for (const p of pushed) {
      expect(p.urgent).toBe(true);
      expect(urgentCategories).toContain(p.category);
    }
    // Routine events wait for the digest: the general hazard reached its enterprise and department, unpushed.
    const held = await database.db.selectFrom('notifications as n').innerJoin('events as e', 'e.id', 'n.event_id').select(['n.user_id', 'n.in_inbox']).where('e.entity_id', '=', ids.aGeneral!).execute();
    expect(held.map((h) => h.user_id).sort()).toEqual([w.users.enforcer.id, w.users.entA.id].sort());
    expect(held.every((h) => !h.in_inbox)).toBe(true);
    expect(channel.messages.length).toBe(pushed.length);
    expect(channel.messages.every((m) => m.urgent)).toBe(true);
  });

  it('never gives an enterprise user an item of another organisation', async () => {
    const leaks = await sql<{ n: number }>`
      select count(*)::int as n from notifications n join users u on u.id = n.user_id
      where u.role = 'enterprise' and n.kind = 'event' and n.organisation_id is distinct from u.organisation_id`.execute(database.db);
    expect(leaks.rows[0]!.n).toBe(0);
    for (const who of ['entA', 'entB'] as const) {
      const own = who === 'entA' ? w.entA.id : w.entB.id;
      for (const item of await inbox(who)) expect(item.organisationId).toBe(own);
    }
  });

  it('lists unread first, counts, marks read, and answers 404 for another user’s item', async () => {
    const before = (await get('/api/notifications/unread-count', 'entB')).json();
    expect(before).toEqual({ unread: 3, urgent: 3 });
    const [first] = await inbox('entB');
    const read = await send('POST', `/api/notifications/${first!.id}/read`, 'entB');
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(clock.now().toISOString());
    expect((await get('/api/notifications/unread-count', 'entB')).json().unread).toBe(2);
    const list = await inbox('entB');
    expect(list.map((i) => i.readAt === null)).toEqual([true, true, false]);
    expect((await get('/api/notifications?unread=true', 'entB')).json().total).toBe(2);
    expect((await send('POST', `/api/notifications/${first!.id}/read`, 'entA')).statusCode).toBe(404);
    expect((await send('POST', '/api/notifications/read-all', 'entB')).json()).toEqual({ updated: 2 });
    expect((await get('/api/notifications/unread-count', 'entB')).json()).toEqual({ unread: 0, urgent: 0 });
    expect((await w.app.inject({ url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('makes one digest per user and day, with exactly what is in the user’s scope', async () => {
    expect((await send('POST', '/api/notices', 'inspector', { kind: 'rectify', hazardIds: [ids.aGeneral], deadline: inDays(5) })).statusCode).toBe(201);
    expect((await send('POST', '/api/notices', 'inspector', { kind: 'rectify', hazardIds: [ids.bGeneral], deadline: inDays(1) })).statusCode).toBe(201);
    clock.advanceDays(2.5);
    await dispatcher.drain();
    const run = await digests.runAll();
    expect(run.digests).toBeGreaterThan(0);

    const mine = async (who: Who): Promise<Digest> => {
      const item = (await inbox(who)).find((i) => i.kind === 'digest')!;
      digestIds[who] = item.digestId!;
      expect(item.link).toBe(`/notifications/digests/${item.digestId}`);
      return (await get(`/api/notifications/digests/${item.digestId}`, who)).json();
    };
    const a = await mine('entA');
    expect(a.counts).toEqual({ escalated: 1, overdue: 0, due: 1, new: 5 });
    expect(a.sections.find((s) => s.key === 'due')!.top[0]!.entityId).toBe(ids.aGeneral);
    expect(a.sections.find((s) => s.key === 'new')!.byCategory).toEqual({ major_hazard: 1, hazard: 2, alarm: 1, notice: 1 });
    const b = await mine('entB');
    expect(b.counts).toEqual({ escalated: 2, overdue: 1, due: 0, new: 4 });
    expect(b.sections.find((s) => s.key === 'overdue')!.top[0]!.title['zh-CN']).toContain(`隐患 ${ids.bCode} 整改已逾期 2 天`);
    // Nothing of the other enterprise, by id, code or name, anywhere in the digest.
    const aText = JSON.stringify(a);
    for (const leak of [ids.bGeneral, ids.bCode, ids.bCritical, ids.bEscalated, w.entB.id, '浙F0001B', '港通']) expect(aText).not.toContain(leak);
    const bText = JSON.stringify(b);
    for (const leak of [ids.aGeneral, ids.aMajor, ids.aMajorCode, ids.aWarning, w.entA.id, '浙F0003A', '三江']) expect(bText).not.toContain(leak);
    // A user with nothing to hear gets no (empty) digest; a second run the same day makes none.
    expect(await database.db.selectFrom('digests').select('id').where('user_id', '=', w.users.entC.id).execute()).toEqual([]);
    expect((await digests.runAll()).digests).toBe(0);
  });

  it('keeps digests and previews to their owner', async () => {
    expect((await get(`/api/notifications/digests/${digestIds.entA}`, 'entB')).statusCode).toBe(404);
    expect((await get(`/api/notifications/digests/${digestIds.entA}`, 'admin')).statusCode).toBe(404);
    const preview = (await get('/api/notifications/digest/preview', 'entB')).json();
    expect(preview.wouldSend).toBe(true);
    expect(preview.digest.counts).toEqual({ escalated: 0, overdue: 1, due: 0, new: 0 });
    expect(JSON.stringify(preview)).not.toContain(ids.aGeneral);
    const empty = (await get('/api/notifications/digest/preview', 'entC')).json();
    expect(empty).toMatchObject({ wouldSend: false, digest: { id: null, counts: { escalated: 0, overdue: 0, due: 0, new: 0 } } });
  });

  it('follows preferences, and keeps urgent categories locked for leaders', async () => {
    const leader = (await get('/api/notifications/preferences', 'leader')).json();
    expect(leader.categories.escalation).toEqual({ mode: 'immediate', defaultMode: 'immediate', urgent: true, locked: true });
    expect(leader).toMatchObject({ digestEnabled: true, digestTime: '08:00', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    const refused = await send('PUT', '/api/notifications/preferences', 'leader', { categories: { escalation: 'off' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0].path).toBe('body.categories.escalation');
    const bogus = await send('PUT', '/api/notifications/preferences', 'entA', { categories: { weather: 'off' } });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().error.issues[0].path).toContain('body.categories');

    const saved = await send('PUT', '/api/notifications/preferences', 'entA', { categories: { hazard: 'immediate', alarm: 'off' } });
    expect(saved.json().categories.hazard).toMatchObject({ mode: 'immediate', locked: false });
    const h = await w.hazard(w.siteA.id, 'general', '配电箱未设漏电保护');
    const alarmId = await w.record('alarm', 'alarm.raised', w.entA.id, { severity: 'serious', plate: '浙F0003A', alarmType: 'overspeed' });
    await dispatcher.drain();
    const item = (await inbox('entA')).find((i) => i.entityId === h.id)!;
    expect(item).toMatchObject({ urgent: false, category: 'hazard', severity: 'warning' });
    const alarmRows = await database.db.selectFrom('notifications').select('user_id').where('entity_id', '=', alarmId).execute();
    expect(alarmRows.map((r) => r.user_id)).toEqual([w.users.monitor.id]);

    await send('PUT', '/api/notifications/preferences', 'entA', { digestEnabled: false });
    const prefs = (await get('/api/notifications/preferences', 'entA')).json();
    expect(prefs.digestEnabled).toBe(false);
    expect(prefs.categories.hazard.mode).toBe('immediate');
    expect((await get('/api/notifications/digest/preview', 'entA')).json().wouldSend).toBe(false);
  });
});
