import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { login, seedOrganisation, seedUser } from '../../test-support/app.js';
import { closedLoopWorld, upload, type TestClock } from '../../test-support/closed-loop-fixture.js';
import { appendEvent } from '../events/event-log.js';
import type { Channel, ChannelMessage } from './channels.js';

/** A channel that remembers what it was given: stands in for SMS / WeCom in tests. */
export class RecordingChannel implements Channel {
  readonly name = 'recording';
  readonly messages: ChannelMessage[] = [];
  deliver(message: ChannelMessage): Promise<void> {
    this.messages.push(message);
    return Promise.resolve();
  }
}

/**
 * The closed-loop world (two enterprises, a department, admin, leader, inspector, enforcer) plus a monitor, an
 * inspector of another department and a third enterprise with nothing going on; helpers that make events.
 */
export async function notificationsWorld(database: Database, clock: TestClock, env: Record<string, string> = {}) {
  const w = await closedLoopWorld(database, clock, { WEBHOOK_ALLOW_PRIVATE: 'true', ...env });
  const dept2 = await seedOrganisation(database, { kind: 'department', name: '港区交通运输执法大队' });
  const entC = await seedOrganisation(database, { kind: 'enterprise', name: '乍浦港口仓储有限公司' });
  const more = {
    monitor: await seedUser(database, 'monitor', 'monitor', w.dept.id),
    inspector2: await seedUser(database, 'inspector2', 'inspector', dept2.id),
    entC: await seedUser(database, 'ent-c', 'enterprise', entC.id),
  };
  const users = { ...w.users, ...more };
  const cookies = {
    ...w.cookies,
    monitor: await login(w.app, 'monitor'),
    inspector2: await login(w.app, 'inspector2'),
    entC: await login(w.app, 'ent-c'),
  };

  /** A hazard recorded by the inspector through the API. */
  const hazard = async (subjectId: string, level: 'general' | 'major', description: string) => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/hazards',
      headers: { cookie: cookies.inspector },
      payload: { subjectId, level, category: '现场检查', description, beforeFileIds: [await upload(w.app, cookies.inspector)] },
    });
    if (res.statusCode !== 201) throw new Error(`hazard: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; code: string };
  };

  /** An event as another module would append it (alarms, risk grading). */
  const record = async (entityType: string, type: string, organisationId: string | null, payload: Record<string, unknown>, entityId: string = randomUUID()) => {
    await database.db.transaction().execute((trx) => appendEvent(trx, { entityType, entityId, type, organisationId, actorId: null, payload, at: clock.now() }));
    return entityId;
  };

  return { ...w, dept2, entC, users, cookies, hazard, record };
}
