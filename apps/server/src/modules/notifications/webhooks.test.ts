import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookDelivery, WebhookEventBody } from '@anlan/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { testApp } from '../../test-support/app.js';
import { TestClock } from '../../test-support/closed-loop-fixture.js';
import { engines } from '../../test-support/databases.js';
import { NotificationDispatcher } from './dispatcher.js';
import { notificationsWorld } from './notifications-fixture.js';
import { WebhookSender } from './webhook-sender.js';
import { verifySignature } from './webhook-signature.js';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1: /flaky fails each delivery twice, /down always, /ok never. */
async function receiver() {
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const id = String(req.headers['x-anlan-delivery']);
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      const status = path === '/ok' ? 200 : path === '/flaky' ? (n <= 2 ? 500 : 200) : path === '/down' && !up ? 503 : 204;
      res.writeHead(status).end(status >= 300 ? 'not now' : '');
    });
  });
  let up = false;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, bringUp: () => (up = true), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(engines)('webhooks on $name', (engine) => {
  let database: Database;
  let w: Awaited<ReturnType<typeof notificationsWorld>>;
  let r: Awaited<ReturnType<typeof receiver>>;
  const clock = new TestClock();
  let dispatcher: NotificationDispatcher;
  let sender: WebhookSender;
  const hooks: Record<string, { id: string; secret: string }> = {};

  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => w.app.inject({ method, url, headers: { cookie: w.cookies.admin }, ...(payload ? { payload } : {}) });
  const deliveries = async (hook: string): Promise<WebhookDelivery[]> => (await admin('GET', `/api/webhooks/${hooks[hook]!.id}/deliveries?limit=200`)).json().items;
  const minutes = (m: number) => (clock.t = new Date(clock.t.getTime() + m * 60_000));

  beforeAll(async () => {
    database = await engine.open();
    w = await notificationsWorld(database, clock);
    r = await receiver();
    dispatcher = new NotificationDispatcher(database.db, { now: clock.now });
    sender = new WebhookSender(database.db, { timeoutMs: 2000, maxAttempts: 3, allowPrivate: true, now: clock.now });
  });
  afterAll(async () => {
    await r?.close();
    await w?.app.close();
    await database?.close();
  });

  it('registers endpoints for administrators only, refusing URLs that are not http(s)', async () => {
    const body = { url: `${r.base}/flaky`, eventTypes: ['hazard.*'], organisationId: w.entA.id, description: '三江化工安全平台' };
    expect((await w.app.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie: w.cookies.leader }, payload: body })).statusCode).toBe(403);
    expect((await w.app.inject({ method: 'GET', url: '/api/webhooks', headers: { cookie: w.cookies.entA } })).statusCode).toBe(403);
    for (const url of ['ftp://127.0.0.1/x', 'file:///etc/passwd', 'not a url']) {
      const bad = await admin('POST', '/api/webhooks', { ...body, url });
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().error.issues[0].path).toBe('body.url');
    }
    expect((await admin('POST', '/api/webhooks', { ...body, eventTypes: ['hazard.**'] })).json().error.issues[0].path).toBe('body.eventTypes.0');
    const created = await admin('POST', '/api/webhooks', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toMatch(/^whsec_/);
    hooks.flaky = { id: created.json().id, secret: created.json().secret };
    const shown = (await admin('GET', `/api/webhooks/${hooks.flaky.id}`)).json();
    expect(shown.secret).toBeUndefined();
    expect(shown.secretHint).toBe(`…${hooks.flaky.secret.slice(-4)}`);
    const district = await admin('POST', '/api/webhooks', { url: `${r.base}/ok`, eventTypes: ['*'], secret: 'whsec_district_secret_0001' });
    hooks.district = { id: district.json().id, secret: 'whsec_district_secret_0001' };
    const down = await admin('POST', '/api/webhooks', { url: `${r.base}/down`, eventTypes: ['hazard.found'], organisationId: w.entB.id });
    hooks.down = { id: down.json().id, secret: down.json().secret };
  });

  it('refuses loopback and private receivers unless allowed', async () => {
    const strict = await testApp(database, { WEBHOOK_ALLOW_PRIVATE: 'false' });
    try {
      const cookie = w.cookies.admin;
      for (const url of [`${r.base}/ok`, 'http://localhost:8080/x', 'http://10.0.0.8/hook', 'http://[::1]:9000/', 'http://169.254.169.254/latest/meta-data']) {
        const res = await strict.inject({ method: 'POST', url: '/api/webhooks', headers: { cookie }, payload: { url, eventTypes: ['*'] } });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.issues[0].path).toBe('body.url');
      }
    } finally {
      await strict.close();
    }
    // The sender checks again at connection time: a stored private URL is refused, not called.
    const guarded = new WebhookSender(database.db, { timeoutMs: 1000, maxAttempts: 1, allowPrivate: false, now: clock.now });
    const ping = await database.db
      .insertInto('webhook_deliveries')
      .values({ endpoint_id: hooks.district!.id, event_id: null, event_type: 'webhook.test', body: '{}', next_attempt_at: null, created_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = r.received.length;
    await guarded.attemptNow(ping.id, { retry: false });
    expect(r.received.length).toBe(before);
    expect((await deliveries('district')).find((d) => d.id === ping.id)).toMatchObject({ status: 'failed', lastError: 'refused: private address' });
  });

  it('retries a failing receiver on the back-off schedule and logs every attempt', async () => {
    const hA = await w.hazard(w.siteA.id, 'major', '塔吊未经验收投入使用');
    await w.hazard(w.siteB.id, 'general', '仓库消防通道堵塞');
    await dispatcher.drain();
    const t0 = clock.now();
    expect(await sender.runDue()).toBe(4); // flaky (A's hazard), district (both), down (B's hazard)
    const [first] = await deliveries('flaky');
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, nextAttemptAt: new Date(t0.getTime() + 60_000).toISOString() });
    minutes(0.5);
    expect(await sender.runDue()).toBe(0); // not due yet
    minutes(0.5);
    expect(await sender.runDue()).toBe(2); // flaky and down, 1 min after their first failure
    minutes(4);
    expect(await sender.runDue()).toBe(0);
    minutes(1);
    expect(await sender.runDue()).toBe(2); // 5 min after the second failure: flaky now succeeds, down gives up (3 attempts)
    const [done] = await deliveries('flaky');
    expect(done).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200, nextAttemptAt: null, eventType: 'hazard.found' });
    expect(done!.attemptLog.map((a) => [a.attempt, a.statusCode, a.nextAttemptAt, a.manual])).toEqual([
      [1, 500, new Date(t0.getTime() + 60_000).toISOString(), false],
      [2, 500, new Date(t0.getTime() + 6 * 60_000).toISOString(), false],
      [3, 200, null, false],
    ]);
    expect(done!.attemptLog.every((a) => a.durationMs >= 0 && (a.statusCode === 200) === (a.error === null))).toBe(true);
    expect((await deliveries('down'))[0]).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 503, nextAttemptAt: null });
    minutes(24 * 60);
    expect(await sender.runDue()).toBe(0); // nothing left to retry

    // Every request of the delivery: same id and bytes, signed with the endpoint's secret at its own time.
    const flaky = r.received.filter((x) => x.path === '/flaky');
    expect(flaky).toHaveLength(3);
    expect(new Set(flaky.map((x) => x.headers['x-anlan-delivery']))).toEqual(new Set([done!.id]));
    expect(new Set(flaky.map((x) => x.body)).size).toBe(1);
    for (const x of flaky) {
      const header = String(x.headers['x-anlan-signature']);
      const t = Number(/t=(\d+)/.exec(header)![1]);
      expect(header).toBe(`t=${t},v1=${createHmac('sha256', hooks.flaky!.secret).update(`${t}.${x.body}`).digest('hex')}`);
      expect(verifySignature(hooks.flaky!.secret, header, x.body, { now: new Date(t * 1000) })).toBe(true);
      expect(verifySignature(hooks.district!.secret, header, x.body, { now: new Date(t * 1000) })).toBe(false);
    }
    const event = JSON.parse(flaky[0]!.body) as WebhookEventBody;
    expect(event).toMatchObject({ type: 'hazard.found', entity: { type: 'hazard', id: hA.id }, organisation: { id: w.entA.id, name: '三江化工有限公司' }, payload: { code: hA.code, level: 'major' } });
    expect(flaky[0]!.headers['x-anlan-event-id']).toBe(String(event.id));
  });

  it('sends an organisation’s endpoint nothing of another organisation, and no internal events at all', async () => {
    await w.record('public_report', 'public_report.received', null, { serviceCode: 'gas_smell' });
    await w.record('alarm', 'alarm.raised', w.entB.id, { severity: 'critical', plate: '浙F0001B' });
    await dispatcher.drain();
    await sender.runDue();
    for (const x of r.received.filter((y) => y.path === '/flaky')) expect((JSON.parse(x.body) as WebhookEventBody).organisation?.id).toBe(w.entA.id);
    const down = r.received.filter((y) => y.path === '/down').map((y) => JSON.parse(y.body) as WebhookEventBody);
    expect(down.every((e) => e.organisation?.id === w.entB.id && e.type === 'hazard.found')).toBe(true);
    const district = (await deliveries('district')).map((d) => d.eventType);
    expect(district).toEqual(expect.arrayContaining(['hazard.found', 'public_report.received', 'alarm.raised']));
    expect(district.filter((t) => /^(user|organisation|webhook)\./.test(t) && t !== 'webhook.test')).toEqual([]);
  });

  it('redelivers on demand, sends test pings and keeps each log to its endpoint', async () => {
    const [failed] = await deliveries('down');
    const other = await admin('POST', `/api/webhooks/${hooks.flaky!.id}/deliveries/${failed!.id}/redeliver`);
    expect(other.statusCode).toBe(404);
    r.bringUp();
    const again = await admin('POST', `/api/webhooks/${hooks.down!.id}/deliveries/${failed!.id}/redeliver`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'succeeded', attempts: 4, lastStatusCode: 204 });
    expect(again.json().attemptLog.at(-1)).toMatchObject({ attempt: 4, statusCode: 204, manual: true });

    const ping = await admin('POST', `/api/webhooks/${hooks.flaky!.id}/test`);
    expect(ping.statusCode).toBe(200);
    expect(ping.json()).toMatchObject({ eventType: 'webhook.test', eventId: null, attempts: 1 });
    const got = r.received.at(-1)!;
    expect(JSON.parse(got.body)).toMatchObject({ id: 0, type: 'webhook.test', entity: { type: 'webhook', id: hooks.flaky!.id } });
    expect(verifySignature(hooks.flaky!.secret, String(got.headers['x-anlan-signature']), got.body, { now: clock.now() })).toBe(true);
  });

  it('changes, rotates and removes endpoints', async () => {
    const rotated = await admin('PATCH', `/api/webhooks/${hooks.flaky!.id}`, { rotateSecret: true, active: false });
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).not.toBe(hooks.flaky!.secret);
    expect(rotated.json().active).toBe(false);
    expect((await admin('PATCH', `/api/webhooks/${hooks.flaky!.id}`, { url: 'gopher://x' })).statusCode).toBe(400);
    expect((await admin('DELETE', `/api/webhooks/${hooks.down!.id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/api/webhooks/${hooks.down!.id}`)).statusCode).toBe(404);
    expect((await admin('GET', `/api/webhooks/${hooks.down!.id}/deliveries`)).statusCode).toBe(404);
    expect((await admin('GET', '/api/webhooks')).json().items.map((e: { id: string }) => e.id).sort()).toEqual([hooks.flaky!.id, hooks.district!.id].sort());
  });
});
