import type { CreateInspection, Role, SubjectType } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { FilesService } from '../files/files.service.js';
import type { FileStorage } from '../files/storage.js';
import { CasesService } from '../hazards/cases.service.js';
import { HazardsService } from '../hazards/hazards.service.js';
import { NoticesService } from '../hazards/notices.service.js';
import type { Actor } from '../identity/actor.js';
import { CampaignsService } from '../inspections/campaigns.service.js';
import { ChecklistsService } from '../inspections/checklists.service.js';
import { InspectionsService } from '../inspections/inspections.service.js';
import { SubjectsService } from '../subjects/subjects.service.js';
import { constructionSite, demoChecklists, hazmatCarrier, householdGas } from './demo-checklists.js';
import { demoPhoto } from './demo-photo.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A small seeded PRNG (mulberry32): the same demo every time. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoContext {
  db: Db;
  storage: FileStorage;
  documentPrefix: string;
  ids: Map<string, string>;
  actors: Record<string, Actor>;
}

const sitePlaces = ['平海路', '雅山西路', '乍王公路', '东方大道', '滨海大道', '中山西路', '港龙路', '海盐塘路', '嘉港大道', '乍浦塘路', '外环西路', '九龙山路', '沪杭高速连接线', '化工园区纬三路', '独山港路'];
const siteKinds = ['道路改造工程', '厂房新建项目', '安置房项目', '综合管廊工程', '仓储物流项目', '污水管网工程', '变电站工程', '桥梁拓宽工程', '标准厂房项目', '罐区扩建项目'];
const builders = ['嘉兴港建建设有限公司(演示)', '乍浦城建工程有限公司(演示)', '浙北市政工程有限公司(演示)', '海盐湾建筑安装有限公司(演示)', '嘉禾路桥建设有限公司(演示)', '平湖天成建设有限公司(演示)'];
const estates: [string, string, number][] = [
  ['中山花苑', '南湾社区', 40],
  ['山鑫花园', '南湾社区', 25],
  ['港龙花园', '港龙社区', 25],
  ['泓悦府', '雅山社区', 15],
  ['染店苑东里', '海红社区', 20],
];
const carriers = ['嘉港危货运输有限公司(演示)', '乍浦港通化工物流有限公司(演示)', ...Array.from({ length: 13 }, (_, i) => `港区第${i + 1}危险品运输有限公司(演示)`)];

/**
 * The 2026 岁末年初安全生产大检查 of the district, reproduced so that its statistics are the published ones:
 * 180 inspector-visits, 45 building sites, 160 hazards, 17 + 8 notices, 1 case; 125 households with 19 gas
 * hazards, all rectified; 300+ leaflets. Times run relative to `now`, so the demo is always mid-campaign,
 * with hazards closed, in rectification, awaiting re-check and overdue.
 */
export async function seedDemoCampaign(ctx: DemoContext, now: Date): Promise<void> {
  const { db, ids, actors } = ctx;
  const random = rng(20261201);
  let clock = now;
  const at = (t: Date) => (clock = t);
  const files = new FilesService(db, ctx.storage, 10 * 1024 * 1024);
  const hazards = new HazardsService(db, files, { majorAcceptanceDays: 10 }, () => clock);
  const notices = new NoticesService(db, hazards, files, { numberPrefix: ctx.documentPrefix, demo: true });
  const cases = new CasesService(db, hazards, ctx.documentPrefix);
  const inspections = new InspectionsService(db, hazards, files);
  const subjects = new SubjectsService(db);
  const checklists = new ChecklistsService(db);

  const published = new Map<string, Awaited<ReturnType<ChecklistsService['publish']>>>();
  for (const c of demoChecklists) published.set(c.code, await checklists.publish(null, c));
  const siteList = published.get(constructionSite.code)!;
  const gasList = published.get(householdGas.code)!;
  const carrierList = published.get(hazmatCarrier.code)!;

  const photo = async (kind: 'before' | 'after', actor: Actor, n: number) =>
    (await files.store(demoPhoto(kind, n), 'image/png', `${kind === 'before' ? '整改前' : '整改后'}-${n}.png`, actor)).id;

  const dept = ids.get('港区自然资源和规划建设局')!;
  const inspectorIds = ['inspector', 'inspector2', 'inspector3', 'inspector4', 'inspector5'].map((u) => actors[u]!.userId);
  const start = new Date(now.getTime() - 28 * DAY);
  const campaign = await new CampaignsService(db).create(actors.leader!, {
    name: '岁末年初安全生产大检查',
    description: '港区岁末年初安全生产大检查:在建工地、老旧小区燃气入户检查、危化品运输企业"四查一指导"(演示数据)',
    startsOn: start.toISOString().slice(0, 10),
    endsOn: new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10),
    subjectTypes: ['construction_site', 'household'],
    departmentId: dept,
    inspectorIds,
  });

  // 45 building sites with 160 hazards between them: 3 each, and one more on 25 of them.
  const sites = [];
  for (let i = 0; i < 45; i++) {
    const name =
      i === 0 ? '嘉兴港区综合物流园集运中心项目' : i === 1 ? '三江化工15.6万吨/年表面活性剂(AEO)项目' : `${sitePlaces[i % sitePlaces.length]}${siteKinds[(i * 7) % siteKinds.length]}(${Math.floor(i / 10) + 1}标段)`;
    const owner = i === 0 ? '综合物流园集运中心项目总承包部(演示)' : i === 1 ? '三江化工有限公司' : builders[i % builders.length]!;
    sites.push(
      await subjects.create(null, {
        type: 'construction_site',
        name,
        address: `嘉兴港区${sitePlaces[i % sitePlaces.length]}`,
        lat: 30.57 + random() * 0.08,
        lon: 121.02 + random() * 0.13,
        organisationId: ids.get(owner)!,
        departmentId: dept,
        responsiblePerson: '项目经理(演示)',
        contactPhone: `0573-8552${String(1000 + i).slice(1)}`,
      }),
    );
  }
  // Which sites get notices: 17 rectify-by-deadline, 8 stop-work; the rest fix everything on the spot.
  const rectifySites = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0, 17];
  const stopSites = [1, 18, 19, 20, 21, 22, 23, 24];
  const generalItems = siteList.items.filter((it) => !it.major);
  const majorItems = siteList.items.filter((it) => it.major);

  const siteHazards = new Map<number, string[]>();
  for (let i = 0; i < 45; i++) {
    const noticeGroup = rectifySites.indexOf(i) >= 0 ? 'rectify' : stopSites.indexOf(i) >= 0 ? 'stop' : 'spot';
    // Sites with notices are inspected in the first 18 days so their story can run; others throughout.
    const day = noticeGroup === 'spot' ? 1 + ((i * 26) / 45) : 1 + (Math.max(rectifySites.indexOf(i), stopSites.indexOf(i) * 2) * 16) / 17;
    const inspectedAt = at(new Date(start.getTime() + day * DAY + (1 + random() * 6) * HOUR));
    const count = 3 + (i < 25 ? 1 : 0) - (i === 44 ? 0 : 0);
    const items = [...(noticeGroup === 'stop' ? [majorItems[i % majorItems.length]!] : []), ...generalItems.slice((i * 3) % 6, ((i * 3) % 6) + count)].slice(0, count);
    const actor = actors[['inspector', 'inspector2', 'inspector3', 'inspector4', 'inspector5'][i % 5]!]!;
    const team = [actor.userId, ...(i < 10 ? [inspectorIds[(i + 1) % 5]!] : [])];
    const answers: CreateInspection['answers'] = [];
    for (const [k, item] of items.entries()) {
      const before = await photo('before', actor, i * 10 + k);
      const fixed = noticeGroup === 'spot' || (noticeGroup === 'rectify' && k >= (rectifySites.indexOf(i) < 2 ? 3 : 2)) || (noticeGroup === 'stop' && k >= 3);
      answers.push({
        itemId: item.id,
        result: 'fail',
        note: item.requiresNoteOnFail ? '现场检查发现,已拍照取证' : undefined,
        fileIds: [before],
        hazard: fixed ? { fixedOnSpot: true, afterFileIds: [await photo('after', actor, i * 10 + k)] } : undefined,
      } as CreateInspection['answers'][number]);
    }
    for (const item of siteList.items.filter((it) => !items.includes(it)).slice(0, 4)) answers.push({ itemId: item.id, result: 'pass', fileIds: [] });
    const ins = await inspections.create(actor, {
      campaignId: campaign.id,
      subjectId: sites[i]!.id,
      checklistId: siteList.id,
      inspectedAt: inspectedAt.toISOString(),
      lat: sites[i]!.lat ?? undefined,
      lon: sites[i]!.lon ?? undefined,
      inspectorIds: team,
      leaflets: 0,
      answers,
    } as CreateInspection);
    const open = [];
    for (const hid of ins.hazardIds) if ((await hazards.repo.findById(hid))!.status === 'found') open.push(hid);
    siteHazards.set(i, open);
  }

  await runNoticeStories(ctx, { hazards, notices, cases, photo, files }, { start, now, rectifySites, stopSites, siteHazards, sites, at });

  // 125 households in five old estates; 19 gas hazards found, all rectified within days.
  let household = 0;
  for (const [estate, community, n] of estates) {
    const parent = await subjects.create(null, { type: 'residential_estate', name: estate, address: `乍浦镇${estate}`, lat: 30.59 + random() * 0.03, lon: 121.08 + random() * 0.04, organisationId: ids.get(community)!, departmentId: dept });
    for (let k = 0; k < n; k++, household++) {
      const name = `${estate}${1 + (k % 12)}幢${1 + (k % 3)}单元${1 + Math.floor(k / 6)}0${1 + (k % 2)}室`;
      const hh = await subjects.create(null, { type: 'household', name, address: `乍浦镇${name}`, lat: parent.lat! + (random() - 0.5) * 0.002, lon: parent.lon! + (random() - 0.5) * 0.002, organisationId: ids.get(community)!, departmentId: dept, parentId: parent.id });
      const actor = actors[['inspector2', 'inspector3', 'inspector4'][household % 3]!]!;
      const inspectedAt = at(new Date(start.getTime() + (2 + (household * 20) / 125) * DAY + (1 + random() * 7) * HOUR));
      const faulty = household % 6 === 3 && household < 6 * 19 + 3;
      const answers: CreateInspection['answers'] = gasList.items.slice(0, 6).map((item, j) =>
        faulty && j === household % 5 ? { itemId: item.id, result: 'fail', fileIds: [], note: undefined } : { itemId: item.id, result: 'pass', fileIds: [] },
      ) as CreateInspection['answers'];
      for (const a of answers) if (a.result === 'fail') a.fileIds = [await photo('before', actor, 500 + household)];
      const ins = await inspections.create(actor, {
        campaignId: campaign.id,
        subjectId: hh.id,
        checklistId: gasList.id,
        inspectedAt: inspectedAt.toISOString(),
        inspectorIds: [actor.userId],
        leaflets: household < 62 ? 3 : 2,
        answers,
      } as CreateInspection);
      for (const hid of ins.hazardIds) {
        at(new Date(inspectedAt.getTime() + (1 + (household % 4)) * DAY));
        await hazards.transition(actor, hid, { action: 'fix_on_spot', note: '住户已更换为不锈钢波纹管,复查合格', afterFileIds: [await photo('after', actor, 500 + household)] });
      }
    }
  }

  await seedCarrierChecks(ctx, { inspections, hazards, notices, subjects, photo, at }, carrierList, now);
  clock = now;
}

interface Services {
  hazards: HazardsService;
  notices: NoticesService;
  cases: CasesService;
  files: FilesService;
  photo: (kind: 'before' | 'after', actor: Actor, n: number) => Promise<string>;
}

/** The 25 notices and what became of them by today: closed, in rectification, awaiting re-check, overdue. */
async function runNoticeStories(
  ctx: DemoContext,
  s: Services,
  p: { start: Date; now: Date; rectifySites: number[]; stopSites: number[]; siteHazards: Map<number, string[]>; sites: { id: string }[]; at: (t: Date) => Date },
) {
  const { actors } = ctx;
  const inspector = actors.inspector!;
  const leader = actors.leader!;
  const enforcer = actors.enforcer!;
  const sanjiang = actors.sanjiang!;
  const day = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
  for (const [rank, site] of p.rectifySites.entries()) {
    const hazardIds = p.siteHazards.get(site)!;
    const first = (await s.hazards.repo.findById(hazardIds[0]!))!;
    const issuedAt = p.at(day(first.found_at, 0.2));
    // 12 closed; 3 in rectification with time left; 2 overdue, the worst of them with a case.
    const overdue = rank >= 15;
    const deadline = overdue ? day(p.now, -3 - (rank - 15) * 2) : rank >= 12 ? day(p.now, 4 + rank - 12) : day(issuedAt, 7);
    const effectiveIssue = overdue ? p.at(day(deadline, -7)) : issuedAt;
    await s.notices.issue(inspector, { kind: 'rectify', hazardIds, deadline: deadline.toISOString() });
    const owner = site === 1 ? sanjiang : inspector;
    if (rank < 12) {
      for (const hid of hazardIds) {
        p.at(day(effectiveIssue, 1));
        await s.hazards.transition(owner, hid, { action: 'start_rectifying', note: '已组织整改' });
        p.at(day(effectiveIssue, 5));
        await s.hazards.transition(owner, hid, { action: 'submit', description: '已按通知要求整改完毕,附整改后照片', afterFileIds: [await s.photo('after', owner, site * 10 + 9)], acceptanceFileIds: [] });
        p.at(day(effectiveIssue, 6));
        await s.hazards.transition(inspector, hid, { action: 'recheck_pass', note: '复查合格', fileIds: [] });
      }
    } else if (rank < 15) {
      p.at(day(effectiveIssue, 1));
      for (const hid of hazardIds) await s.hazards.transition(owner, hid, { action: 'start_rectifying', note: '整改中' });
    } else if (rank === 16) {
      p.at(day(deadline, 2));
      await s.cases.open(enforcer, { subjectId: p.sites[site]!.id, hazardIds, summary: '限期整改通知书逾期未整改,临时用电隐患突出,立案查处(演示)' });
    }
  }
  for (const [rank, site] of p.stopSites.entries()) {
    const hazardIds = p.siteHazards.get(site)!;
    const first = (await s.hazards.repo.findById(hazardIds[0]!))!;
    const issuedAt = p.at(day(first.found_at, 0.1));
    const deadline = rank < 5 ? day(issuedAt, 15) : day(p.now, 6 + rank);
    await s.notices.issue(inspector, { kind: 'stop_work', hazardIds, deadline: deadline.toISOString(), stopWorkScope: '存在重大隐患的作业区域全部停工' });
    const owner = site === 1 ? sanjiang : inspector;
    const major = hazardIds[0]!;
    p.at(day(issuedAt, 1));
    await s.hazards.savePlan(owner, major, {
      goals: '消除重大事故隐患,经复查合格后恢复施工',
      measures: '停止相关作业,委托有资质单位检测整改,按专项方案重新组织施工',
      funding: '整改费用约5万元,由施工单位列支',
      organisation: '项目经理为第一责任人,安全员、技术负责人具体负责',
      timeline: '15日内完成整改并申请复查',
      safetyMeasures: '停工区域设置警戒,落实专人看护,制定应急预案并组织演练',
    });
    if (rank >= 7) continue;
    for (const hid of hazardIds) {
      p.at(day(issuedAt, 2));
      await s.hazards.transition(owner, hid, { action: 'start_rectifying', note: '已停工整改' });
      const acceptance = hid === major ? [(await s.files.store(Buffer.from('%PDF-1.4\n%demo acceptance report\n%%EOF\n'), 'application/pdf', '验收报告(演示).pdf', owner)).id] : [];
      p.at(rank < 5 ? day(issuedAt, 10) : day(p.now, -1));
      await s.hazards.transition(owner, hid, { action: 'submit', description: '已整改完毕并完成验收,申请复工', afterFileIds: [await s.photo('after', owner, site * 10 + 8)], acceptanceFileIds: acceptance });
      if (rank >= 5) continue;
      p.at(day(issuedAt, 12));
      await s.hazards.transition(inspector, hid, { action: 'recheck_pass', note: '现场复查合格,同意复工', fileIds: [] });
      if (hid === major) {
        p.at(day(issuedAt, 13));
        await s.hazards.transition(leader, hid, { action: 'close', note: '同意销号' });
      }
    }
  }
}

/** 四查一指导: 15 carriers checked; six findings, two of them still open. */
async function seedCarrierChecks(
  ctx: DemoContext,
  s: { inspections: InspectionsService; hazards: HazardsService; notices: NoticesService; subjects: SubjectsService; photo: Services['photo']; at: (t: Date) => Date },
  list: { id: string; items: { id: string; requiresPhotoOnFail: boolean; requiresNoteOnFail: boolean; major: boolean }[] },
  now: Date,
) {
  const { actors, ids } = ctx;
  const enforcer = actors.enforcer!;
  const campaign = await new CampaignsService(ctx.db).create(actors.leader!, {
    name: '危险货物道路运输企业"四查一指导"',
    description: '查车辆、查人员、查装载、查动态监控,指导企业落实安全生产主体责任(演示数据)',
    startsOn: new Date(now.getTime() - 40 * DAY).toISOString().slice(0, 10),
    endsOn: new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10),
    subjectTypes: ['hazmat_carrier' as SubjectType],
    departmentId: ids.get('港区交通运输执法大队')!,
    inspectorIds: [enforcer.userId],
  });
  for (const [i, name] of carriers.entries()) {
    const subject = await s.subjects.create(null, { type: 'hazmat_carrier', name, address: '嘉兴港区化工园区', lat: 30.62 + (i % 5) * 0.004, lon: 121.05 + (i % 3) * 0.01, organisationId: ids.get(name)!, departmentId: ids.get('港区交通运输执法大队')! });
    const inspectedAt = s.at(new Date(now.getTime() - (35 - i * 2) * DAY));
    const failing = i < 6 ? list.items[i % list.items.length]! : undefined;
    const answers: CreateInspection['answers'] = [];
    for (const item of list.items) {
      if (item === failing && !item.major) {
        answers.push({ itemId: item.id, result: 'fail', note: '检查发现问题,已责令整改', fileIds: [await s.photo('before', enforcer, 900 + i)] } as CreateInspection['answers'][number]);
      } else answers.push({ itemId: item.id, result: 'pass', fileIds: [] } as CreateInspection['answers'][number]);
    }
    const ins = await s.inspections.create(enforcer, { campaignId: campaign.id, subjectId: subject.id, checklistId: list.id, inspectedAt: inspectedAt.toISOString(), inspectorIds: [enforcer.userId], leaflets: 0, answers } as CreateInspection);
    for (const hid of ins.hazardIds) {
      if (i < 4) {
        s.at(new Date(inspectedAt.getTime() + DAY));
        await s.hazards.transition(enforcer, hid, { action: 'fix_on_spot', note: '企业当场整改', afterFileIds: [await s.photo('after', enforcer, 900 + i)] });
      } else {
        s.at(new Date(inspectedAt.getTime() + 0.2 * DAY));
        await s.notices.issue(enforcer, { kind: 'rectify', hazardIds: [hid], deadline: new Date(inspectedAt.getTime() + (i === 4 ? 10 : 40) * DAY).toISOString() });
      }
    }
  }
}

export const demoInspectors: { username: string; displayName: string; role: Role }[] = [
  { username: 'inspector2', displayName: '王建国(演示)', role: 'inspector' },
  { username: 'inspector3', displayName: '李明(演示)', role: 'inspector' },
  { username: 'inspector4', displayName: '张伟(演示)', role: 'inspector' },
  { username: 'inspector5', displayName: '陈静(演示)', role: 'inspector' },
];
export const demoCarriers = carriers;
export const demoBuilders = builders;
