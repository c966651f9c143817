import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { engines } from '../../test-support/databases.js';
import { login, seedOrganisation, seedUser, testApp, TEST_PASSWORD } from '../../test-support/app.js';

describe.each(engines)('identity and access on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let orgA: string;
  let orgB: string;
  let userB: string;
  let admin: string;
  let entA: string;

  beforeAll(async () => {
    database = await engine.open();
    app = await testApp(database, { LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
    orgA = (await seedOrganisation(database, { kind: 'enterprise', name: '三江化工有限公司' })).id;
    orgB = (await seedOrganisation(database, { kind: 'enterprise', name: '港区危货运输有限公司' })).id;
    await seedUser(database, 'admin', 'admin');
    await seedUser(database, 'ent-a', 'enterprise', orgA);
    userB = (await seedUser(database, 'ent-b', 'enterprise', orgB)).id;
    admin = await login(app, 'admin');
    entA = await login(app, 'ent-a');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('reports health with the engine in use', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: engine.name, version: '0.1.0' });
  });

  it('signs in with an httpOnly, SameSite cookie and knows who is signed in', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ENT-A', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'anlan_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `anlan_session=${cookie!.value}` } });
    expect(me.json()).toMatchObject({ user: { username: 'ent-a', role: 'enterprise' }, organisation: { id: orgA } });
  });

  it('marks the cookie Secure behind a TLS proxy', async () => {
    const proxied = await testApp(database, { TRUST_PROXY: 'true' });
    const res = await proxied.inject({
      method: 'POST', url: '/api/auth/login', payload: { username: 'ent-a', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.cookies.find((c) => c.name === 'anlan_session')?.secure).toBe(true);
    await proxied.close();
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const username of ['ent-a', 'nobody']) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'invalid_credentials', message: '用户名或密码错误' });
    }
  });

  it('rate-limits repeated logins to one account', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'target', password: 'guess-' + i } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ent-b', password: TEST_PASSWORD } });
    expect(other.statusCode).toBe(200);
  });

  it('answers 401 without a session, in Chinese by default and English on request', async () => {
    const zh = await app.inject({ url: '/api/organisations' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'unauthenticated', message: '请先登录', requestId: expect.any(String) } });
    const en = await app.inject({ url: '/api/organisations', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('Please sign in first');
    const forged = await app.inject({ url: '/api/organisations', headers: { cookie: 'anlan_session=forged' } });
    expect(forged.statusCode).toBe(401);
  });

  it('an enterprise user cannot read another enterprise by id, by any URL', async () => {
    const headers = { cookie: entA };
    expect((await app.inject({ url: `/api/organisations/${orgA}`, headers })).statusCode).toBe(200);
    const other = await app.inject({ url: `/api/organisations/${orgB}`, headers });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    expect((await app.inject({ url: `/api/users/${userB}`, headers })).statusCode).toBe(404);
    const orgs = await app.inject({ url: '/api/organisations', headers });
    expect(orgs.json().items.map((o: { id: string }) => o.id)).toEqual([orgA]);
    const users = await app.inject({ url: '/api/users', headers });
    expect(users.json().items.map((u: { username: string }) => u.username)).toEqual(['ent-a']);
    const events = await app.inject({ url: '/api/events', headers });
    const orgsInEvents = new Set(events.json().items.map((e: { organisationId: string }) => e.organisationId));
    expect([...orgsInEvents]).toEqual([orgA]);
    const byEntity = await app.inject({ url: `/api/events?entityType=user&entityId=${userB}`, headers });
    expect(byEntity.json().items).toEqual([]);
    // The regulator sees both.
    expect((await app.inject({ url: `/api/organisations/${orgB}`, headers: { cookie: admin } })).statusCode).toBe(200);
  });

  it('forbids creating users to anyone but an admin (403)', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: entA },
      payload: { username: 'sneaky', displayName: 'x', role: 'admin', password: 'long-enough-pw' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('rejects unknown fields and wrong types naming them, and writes nothing', async () => {
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from users`.execute(database.db)).rows[0]!.n);
    const before = await count();
    const unknown = await app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin, 'accept-language': 'en' },
      payload: { username: 'inspector2', displayName: 'Li', role: 'inspector', password: 'long-enough-pw', isRoot: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('validation_failed');
    expect(unknown.json().error.message).toContain('isRoot');
    const wrong = await app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin, 'accept-language': 'en' },
      payload: { username: 'inspector2', displayName: 'Li', role: 'superuser', password: 12345 },
    });
    expect(wrong.statusCode).toBe(400);
    const issues = wrong.json().error.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['body.password', 'body.role']);
    expect(issues.find((i) => i.path === 'body.password')!.message).toMatch(/expected string, received number/);
    const zh = await app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin },
      payload: { username: 'inspector2', displayName: 'Li', role: 'inspector', password: 12345 },
    });
    expect(zh.json().error.message).toContain('body.password');
    expect(zh.json().error.issues[0].message).toMatch(/期望|应为/);
    const enterpriseWithoutOrg = await app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin },
      payload: { username: 'orphan', displayName: 'x', role: 'enterprise', password: 'long-enough-pw' },
    });
    expect(enterpriseWithoutOrg.statusCode).toBe(400);
    expect(enterpriseWithoutOrg.json().error.issues[0].path).toBe('body.organisationId');
    expect(await count()).toBe(before);
  });

  it('refuses an oversized body with 413 and malformed JSON with 400', async () => {
    const big = await app.inject({
      method: 'POST', url: '/api/organisations', headers: { cookie: admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'enterprise', name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const bad = await app.inject({
      method: 'POST', url: '/api/organisations', headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"kind": "enterprise", ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const notJson = await app.inject({
      method: 'POST', url: '/api/organisations', headers: { cookie: admin, 'content-type': 'text/xml' }, payload: '<x/>',
    });
    expect(notJson.statusCode).toBe(415);
  });

  it('creates organisations and users as admin, each with an event', async () => {
    const org = await app.inject({
      method: 'POST', url: '/api/organisations', headers: { cookie: admin },
      payload: { kind: 'department', name: '港区自然资源和规划建设局', shortName: '资规建设局' },
    });
    expect(org.statusCode).toBe(201);
    const dup = await app.inject({
      method: 'POST', url: '/api/organisations', headers: { cookie: admin },
      payload: { kind: 'department', name: '港区自然资源和规划建设局' },
    });
    expect(dup.statusCode).toBe(409);
    const u = await app.inject({
      method: 'POST', url: '/api/users', headers: { cookie: admin },
      payload: { username: 'inspector1', displayName: '王检查', role: 'inspector', organisationId: org.json().id, password: 'long-enough-pw' },
    });
    expect(u.statusCode).toBe(201);
    const events = await app.inject({ url: `/api/events?entityType=user&entityId=${u.json().id}`, headers: { cookie: admin } });
    expect(events.json().items).toMatchObject([{ type: 'user.created', payload: { username: 'inspector1', role: 'inspector' } }]);
    expect(await login(app, 'inspector1', 'long-enough-pw')).toContain('anlan_session=');
  });

  it('ends the session on logout', async () => {
    const cookie = await login(app, 'ent-b');
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('serves the OpenAPI document', async () => {
    const res = await app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/organisations/{id}']));
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });
});
