import type { CreateOrganisation, Role } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import type { FileStorage } from '../files/storage.js';
import type { Actor } from '../identity/actor.js';
import { OrganisationsService } from '../identity/organisations.service.js';
import { UsersService } from '../identity/users.service.js';
import { demoBuilders, demoCarriers, demoInspectors, seedDemoCampaign } from './demo-campaign.js';
import { seedDemoVehicles } from '../vehicles/demo-vehicles.js';
import { seedDemoRisk } from './demo-risk.js';
import { seedDemoGeometry } from './demo-geometry.js';

/**
 * Demo data of 嘉兴港区 (Zhapu / Jiaxing Port District), made from public news of early 2026
 * (shared/domain/district.md). Names of public bodies and places are real; every record,
 * person and figure is demo data, not a real record.
 */
export const DEMO_PASSWORD = 'anlan-demo-2026';
const GOVERNMENT = '嘉兴港区党工委管委会';

type OrgSeed = CreateOrganisation & { parent?: string };
const organisations: OrgSeed[] = [
  { kind: 'government', name: GOVERNMENT, shortName: '港区管委会' },
  { kind: 'department', name: '港区自然资源和规划建设局', shortName: '资规建设局', parent: GOVERNMENT },
  { kind: 'department', name: '港区交通运输执法大队', shortName: '交通执法', parent: GOVERNMENT },
  { kind: 'government', name: '乍浦镇人民政府', shortName: '乍浦镇', parent: GOVERNMENT },
  ...['南湾社区', '海红社区', '雅山社区', '港龙社区', '龙淑社区'].map(
    (name): OrgSeed => ({ kind: 'community', name, parent: '乍浦镇人民政府' }),
  ),
  { kind: 'enterprise', name: '三江化工有限公司', shortName: '三江化工' },
  { kind: 'enterprise', name: '综合物流园集运中心项目总承包部(演示)', shortName: '集运中心项目部' },
  ...demoCarriers.map((name): OrgSeed => ({ kind: 'enterprise', name })),
  ...demoBuilders.map((name): OrgSeed => ({ kind: 'enterprise', name })),
];

const users: { username: string; displayName: string; role: Role; organisation: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', organisation: GOVERNMENT },
  { username: 'leader', displayName: '分管领导(演示)', role: 'leader', organisation: GOVERNMENT },
  { username: 'inspector', displayName: '资规局检查员(演示)', role: 'inspector', organisation: '港区自然资源和规划建设局' },
  { username: 'enforcer', displayName: '交通执法队员(演示)', role: 'enforcement', organisation: '港区交通运输执法大队' },
  { username: 'monitor', displayName: '公路运营岗监控员(演示)', role: 'monitor', organisation: '港区自然资源和规划建设局' },
  { username: 'sanjiang', displayName: '三江化工安全员(演示)', role: 'enterprise', organisation: '三江化工有限公司' },
  { username: 'carrier', displayName: '嘉港危运安全主管(演示)', role: 'enterprise', organisation: '嘉港危货运输有限公司(演示)' },
];
const moreInspectors = demoInspectors.map((u) => ({ ...u, organisation: '港区自然资源和规划建设局' }));

export const demoAccounts = users.map(({ username, displayName, role }) => ({ username, displayName, role }));

export interface DemoOptions {
  storage: FileStorage;
  documentPrefix: string;
  /** The demo's "today": the campaign runs around it. */
  now?: Date;
}

/** Loads the demo data once; a database that already has it is left as it is. */
export async function seedDemo(db: Db, opts: DemoOptions): Promise<{ seeded: boolean }> {
  const orgService = new OrganisationsService(db);
  const existing = await db.selectFrom('organisations').select('id').where('name', '=', GOVERNMENT).executeTakeFirst();
  if (existing) return { seeded: false };
  const ids = new Map<string, string>();
  for (const { parent, ...o } of organisations) {
    const org = await orgService.create(null, { ...o, ...(parent ? { parentId: ids.get(parent)! } : {}) });
    ids.set(org.name, org.id);
  }
  const userService = new UsersService(db);
  const actors: Record<string, Actor> = {};
  for (const u of [...users, ...moreInspectors]) {
    const created = await userService.create(null, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      organisationId: ids.get(u.organisation)!,
      password: DEMO_PASSWORD,
    });
    actors[u.username] = { userId: created.id, username: created.username, displayName: created.displayName, role: created.role, organisationId: created.organisationId, locale: 'zh-CN' };
  }
  await seedDemoCampaign({ db, storage: opts.storage, documentPrefix: opts.documentPrefix, ids, actors }, opts.now ?? new Date());
  await seedDemoVehicles(db, ids);
  await seedDemoGeometry(db, opts.now ?? new Date());
  await seedDemoRisk(db, ids, actors, opts.now ?? new Date());
  return { seeded: true };
}
