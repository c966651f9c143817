import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../http/app.js';
import { defaultRulesConfig, type RulesConfig } from '../../rules/config.js';
import { login, seedOrganisation, seedUser } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { defineSetting } from './settings-registry.js';
import { SettingsService } from './settings.service.js';

describe.each(engines)('run-time settings on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let settings: SettingsService;
  let adminId: string;
  const heard: RulesConfig[] = [];
  const cookies: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    database = await engine.open();
    settings = new SettingsService(database.db);
    settings.onChange('rules', (v) => heard.push(v));
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false, settings });
    const org = await seedOrganisation(database, { kind: 'enterprise', name: '测试危货运输公司' });
    adminId = (await seedUser(database, 'admin', 'admin')).id;
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'carrier', 'enterprise', org.id);
    for (const who of ['admin', 'monitor', 'carrier']) cookies[who] = await login(app, who);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lists the rules thresholds at their defaults to admin and monitor only', async () => {
    const res = await call('monitor', 'GET', '/api/settings');
    expect(res.statusCode).toBe(200);
    const rules = res.json().items.find((s: { key: string }) => s.key === 'rules');
    expect(rules).toMatchObject({ isDefault: true, storedIsValid: true, updatedAt: null, updatedBy: null });
    expect(rules.value).toEqual(defaultRulesConfig);
    expect(rules.defaultValue).toEqual(defaultRulesConfig);
    expect((await call('carrier', 'GET', '/api/settings')).statusCode).toBe(403);
    expect((await call('carrier', 'GET', '/api/settings/rules')).statusCode).toBe(403);
    expect((await call('admin', 'GET', '/api/settings/no-such-key')).statusCode).toBe(404);
  });

  it('refuses an invalid value naming the field, and changes nothing', async () => {
    const res = await call('admin', 'PUT', '/api/settings/rules', { speed: { limitsKmh: { expressway: -5 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.speed.limitsKmh.expressway']);
    expect(res.json().error.message).toContain('body.speed.limitsKmh.expressway');
    const typo = await call('admin', 'PUT', '/api/settings/rules', { fatigue: { continousLimitMin: 200 } });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.issues[0].path).toBe('body.fatigue');
    const crossed = await call('admin', 'PUT', '/api/settings/rules', {
      fatigue: { continuousLimitMin: 60, warningBeforeMin: 60 },
    });
    expect(crossed.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.fatigue.warningBeforeMin']);

    expect((await call('admin', 'GET', '/api/settings/rules')).json()).toMatchObject({ isDefault: true });
    expect(await settings.get('rules')).toEqual(defaultRulesConfig);
    expect(heard).toEqual([]);
    const rows = await database.db.selectFrom('events').select('id').where('entity_type', '=', 'setting').execute();
    expect(rows).toEqual([]);
  });

  it('lets only the admin change a value, recording before and after and telling listeners', async () => {
    const body = {
      speed: { limitsKmh: { expressway: 70 } },
      night: { windows: { urban: { from: '22:00', to: '05:00' } } },
    };
    expect((await call('monitor', 'PUT', '/api/settings/rules', body)).statusCode).toBe(403);
    expect((await call('admin', 'PUT', '/api/settings/unknown', body)).statusCode).toBe(404);

    const res = await call('admin', 'PUT', '/api/settings/rules', body);
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ key: 'rules', isDefault: false, updatedBy: adminId });
    // Unset fields take their defaults: the stored value is complete.
    expect(saved.value.speed.limitsKmh).toEqual({ expressway: 70, urban: 60, park: 30 });
    expect(saved.value.night.windows.urban).toEqual({ from: '22:00', to: '05:00' });

    const value = await settings.get('rules');
    expect(value.speed.limitsKmh.expressway).toBe(70);
    expect(settings.peek('rules').speed.limitsKmh.expressway).toBe(70);
    expect(heard.map((v) => v.speed.limitsKmh.expressway)).toEqual([70]);
    expect((await call('monitor', 'GET', '/api/settings/rules')).json().value.speed.limitsKmh.expressway).toBe(70);

    const events = await database.db
      .selectFrom('events')
      .select(['entity_id', 'type', 'actor_id', 'payload'])
      .where('entity_type', '=', 'setting')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_id: 'rules', type: 'setting.updated', actor_id: adminId });
    const payload = events[0]!.payload as { before: RulesConfig; after: RulesConfig };
    expect(payload.before.speed.limitsKmh.expressway).toBe(80);
    expect(payload.after.speed.limitsKmh.expressway).toBe(70);

    // A fresh service (another start of the process) reads what was saved.
    const restarted = new SettingsService(database.db);
    expect((await restarted.get('rules')).speed.limitsKmh.expressway).toBe(70);
  });

  it('falls back to the default when a stored value no longer validates, and registers keys in one line', async () => {
    const definitions = {
      'test.limit': defineSetting(z.strictObject({ kmh: z.number().max(100) }), { kmh: 60 }),
    };
    await database.db
      .insertInto('settings')
      .values({ key: 'test.limit', value: JSON.stringify({ kmh: 500 }) })
      .execute();
    const service = new SettingsService(database.db, undefined, definitions);
    expect(service.peek('test.limit')).toEqual({ kmh: 60 });
    expect(await service.get('test.limit')).toEqual({ kmh: 60 });
    const admin = {
      userId: adminId,
      username: 'admin',
      displayName: 'admin',
      role: 'admin',
      organisationId: null,
      locale: 'zh-CN',
    } as const;
    expect((await service.list(admin))[0]).toMatchObject({ key: 'test.limit', isDefault: true, storedIsValid: false });
    await service.put(admin, 'test.limit', { kmh: 45 });
    expect(await service.get('test.limit')).toEqual({ kmh: 45 });
    expect((await service.read(admin, 'test.limit')).storedIsValid).toBe(true);
  });
});
