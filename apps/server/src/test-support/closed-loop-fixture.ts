import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { buildApp } from '../http/app.js';
import { MemoryStorage } from '../modules/files/storage.js';
import { ChecklistsService } from '../modules/inspections/checklists.service.js';
import { SubjectsService } from '../modules/subjects/subjects.service.js';
import { login, seedOrganisation, seedUser } from './app.js';

/** A 1×1 PNG: a real image, as a phone would upload. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public t = new Date('2026-12-20T02:00:00Z')) {}
  now = () => new Date(this.t);
  advanceDays(d: number) {
    this.t = new Date(this.t.getTime() + d * 86_400_000);
  }
}

export function multipart(bytes: Buffer, filename: string, mime: string) {
  const boundary = '----anlanTestBoundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Organisations, users, subjects, a checklist and a campaign: the world of the closed-loop tests. */
export async function closedLoopWorld(database: Database, clock: TestClock, env: Record<string, string> = {}) {
  const app: FastifyInstance = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', UPLOAD_MAX_BYTES: '100000', ...env }),
    database,
    storage: new MemoryStorage(),
    logger: false,
    now: clock.now,
  });
  const dept = await seedOrganisation(database, { kind: 'department', name: '港区自然资源和规划建设局' });
  const entA = await seedOrganisation(database, { kind: 'enterprise', name: '三江化工有限公司' });
  const entB = await seedOrganisation(database, { kind: 'enterprise', name: '港通化工物流有限公司' });
  const users = {
    admin: await seedUser(database, 'admin', 'admin'),
    leader: await seedUser(database, 'leader', 'leader', dept.id),
    inspector: await seedUser(database, 'inspector', 'inspector', dept.id),
    enforcer: await seedUser(database, 'enforcer', 'enforcement', dept.id),
    entA: await seedUser(database, 'ent-a', 'enterprise', entA.id),
    entB: await seedUser(database, 'ent-b', 'enterprise', entB.id),
  };
  const cookies = Object.fromEntries(await Promise.all(Object.keys(users).map(async (k) => [k, await login(app, users[k as keyof typeof users].username)]))) as Record<keyof typeof users, string>;
  const subjects = new SubjectsService(database.db);
  const siteA = await subjects.create(null, { type: 'construction_site', name: '三江化工AEO项目工地', organisationId: entA.id, departmentId: dept.id, address: '乍浦镇平海路', lat: 30.61, lon: 121.08 });
  const siteB = await subjects.create(null, { type: 'construction_site', name: '港通物流仓库工地', organisationId: entB.id, departmentId: dept.id });
  const checklist = await new ChecklistsService(database.db).publish(null, {
    code: 'construction-site',
    name: '建筑工地安全检查表',
    subjectTypes: ['construction_site'],
    catalogue: '房屋市政工程生产安全重大事故隐患判定标准(2024版)',
    items: [
      { category: '个人防护', text: '作业人员未正确佩戴安全帽', clause: '建筑施工安全检查标准 JGJ59', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: false },
      { category: '起重机械', text: '起重机械未经验收合格即投入使用', clause: '第八条', major: true, requiresPhotoOnFail: true, requiresNoteOnFail: true },
      { category: '临时用电', text: '施工现场临时用电未采用TN-S系统', clause: 'JGJ46', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true },
    ],
  });
  const campaign = await app.inject({
    method: 'POST', url: '/api/campaigns', headers: { cookie: cookies.leader },
    payload: { name: '岁末年初安全生产大检查', startsOn: '2026-12-01', endsOn: '2027-02-28', subjectTypes: ['construction_site', 'household'], departmentId: dept.id, inspectorIds: [users.inspector.id] },
  });
  if (campaign.statusCode !== 201) throw new Error(campaign.body);
  return { app, dept, entA, entB, users, cookies, siteA, siteB, checklist, campaignId: campaign.json().id as string };
}

export async function upload(app: FastifyInstance, cookie: string, bytes = PNG, name = 'photo.png', mime = 'image/png'): Promise<string> {
  const m = multipart(bytes, name, mime);
  const res = await app.inject({ method: 'POST', url: '/api/files', headers: { cookie, ...m.headers }, payload: m.payload });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
