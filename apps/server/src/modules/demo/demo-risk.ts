import type { AssessRiskPoint } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../identity/actor.js';
import { recomputeRisk } from '../risk/recompute.js';
import { defaultRiskConfig } from '../risk/risk-config.js';
import { RiskPointsService } from '../risk/risk-points.service.js';
import { RiskService } from '../risk/risk.service.js';
import { SubjectsService } from '../subjects/subjects.service.js';

const DAY = 86_400_000;

interface PointSeed {
  name: string;
  location: string;
  hazardFactors: string[];
  controls: string[];
  /** Oldest first; the last is in force. `self`: the enterprise's own assessment. */
  assessments: { daysAgo: number; a: AssessRiskPoint; self?: boolean }[];
}

const lec = (l: number, e: number, c: number) => ({ method: 'lec', l, e, c }) as AssessRiskPoint;
const ls = (l: number, s: number) => ({ method: 'ls', l, s }) as AssessRiskPoint;

/** 三江化工's plant: ethylene oxide storage and the AEO lines are its red points (demo gradings). */
const sanjiangPlant: PointSeed[] = [
  { name: '环氧乙烷储罐区', location: '罐区东侧 T-101~T-104', hazardFactors: ['环氧乙烷泄漏', '火灾爆炸', '中毒窒息'], controls: ['储罐氮封', '可燃及有毒气体检测报警', '紧急切断系统(SIS)', '围堰及事故应急池'], assessments: [{ daysAgo: 60, a: lec(3, 6, 15) }, { daysAgo: 6, a: lec(3, 6, 40) }] },
  { name: '乙氧基化反应装置(AEO生产线)', location: '二期装置区', hazardFactors: ['反应失控超压', '环氧乙烷泄漏', '高温灼烫'], controls: ['温度压力联锁', '安全阀及爆破片', '操作规程及双人确认'], assessments: [{ daysAgo: 30, a: lec(1, 6, 15) }] },
  { name: '槽车装卸栈台', location: '厂区北门装卸区', hazardFactors: ['槽车装卸泄漏', '静电火花', '车辆伤害'], controls: ['装卸鹤管', '静电接地报警', '装卸作业票', '限速及引导'], assessments: [{ daysAgo: 30, a: lec(3, 6, 7) }] },
  { name: '危险化学品仓库', location: '甲类仓库 2#', hazardFactors: ['包装破损泄漏', '混存反应'], controls: ['分区分类存放', '通风及温湿度监测'], assessments: [{ daysAgo: 30, a: ls(3, 4) }] },
  { name: '污水处理站', location: '厂区西南角', hazardFactors: ['硫化氢中毒', '有限空间作业'], controls: ['有限空间作业审批', '气体检测'], assessments: [{ daysAgo: 12, a: ls(2, 3), self: true }] },
];

const sites: Record<string, PointSeed[]> = {
  嘉兴港区综合物流园集运中心项目: [
    { name: '深基坑开挖', location: '1#仓库基坑', hazardFactors: ['坍塌', '高处坠落'], controls: ['专项方案及专家论证', '基坑监测', '临边防护'], assessments: [{ daysAgo: 20, a: lec(3, 6, 15) }] },
    { name: '塔吊作业', location: 'QTZ80 塔吊', hazardFactors: ['起重伤害', '倾覆'], controls: ['特种设备检验', '司索信号工持证'], assessments: [{ daysAgo: 20, a: ls(3, 4) }] },
  ],
  '三江化工15.6万吨/年表面活性剂(AEO)项目': [
    { name: '临近罐区动火作业', location: '新建装置与罐区交界', hazardFactors: ['火灾爆炸'], controls: ['动火作业票', '可燃气体检测', '专人监护'], assessments: [{ daysAgo: 25, a: lec(3, 3, 40) }] },
    { name: '高处作业', location: '管廊及框架', hazardFactors: ['高处坠落', '物体打击'], controls: ['安全带及生命线', '防护网'], assessments: [{ daysAgo: 25, a: lec(3, 6, 7) }] },
  ],
};
const genericSite: PointSeed[] = [
  { name: '脚手架搭设', location: '主体结构外侧', hazardFactors: ['高处坠落', '坍塌'], controls: ['验收挂牌', '连墙件'], assessments: [{ daysAgo: 15, a: ls(2, 4) }] },
  { name: '施工临时用电', location: '总配电箱及分配电箱', hazardFactors: ['触电'], controls: ['TN-S 系统', '三级配电两级保护'], assessments: [{ daysAgo: 15, a: ls(3, 3) }] },
];

/** 道路运输 of hazmat: the demo fleet's carriers carry ethylene oxide and ammonia. */
function carrierPoints(name: string, i: number): PointSeed[] {
  const road: PointSeed = {
    name: '危险货物道路运输过程',
    location: '港区—乍嘉苏高速—沪杭高速',
    hazardFactors: ['交通事故致泄漏', '疲劳驾驶', '超速'],
    controls: ['动态监控', '驾驶员及押运员持证', '电子运单'],
    assessments: [{ daysAgo: 20, a: name.startsWith('嘉港') ? lec(3, 6, 15) : name.startsWith('乍浦港通') ? lec(1, 6, 15) : i % 2 ? ls(3, 3) : ls(2, 4) }],
  };
  const yard: PointSeed = { name: '停车场及装卸等待区', location: '化工园区专用停车场', hazardFactors: ['泄漏', '火灾'], controls: ['分区停放', '视频监控'], assessments: [{ daysAgo: 20, a: ls(2, 3) }] };
  return [road, yard];
}

/**
 * Risk points with LEC / LS gradings for 三江化工's plant, building sites and the carriers (demo data), a first
 * recompute of every level, and one escalation set by the leader (the manual path of the ladder).
 */
export async function seedDemoRisk(db: Db, ids: ReadonlyMap<string, string>, actors: Record<string, Actor>, now: Date): Promise<void> {
  let clock = now;
  const config = async () => defaultRiskConfig;
  const points = new RiskPointsService(db, config, () => clock);
  const plant = await new SubjectsService(db).create(null, {
    type: 'chemical_enterprise',
    name: '三江化工有限公司(乍浦厂区)',
    address: '嘉兴港区化工园区',
    lat: 30.6195,
    lon: 121.0655,
    organisationId: ids.get('三江化工有限公司')!,
    departmentId: ids.get('港区自然资源和规划建设局')!,
    responsiblePerson: '安全总监(演示)',
  });
  const seed = async (subjectId: string, list: PointSeed[]) => {
    for (const p of list) {
      const [first, ...later] = p.assessments;
      clock = new Date(now.getTime() - first!.daysAgo * DAY);
      const who = (self?: boolean) => (self ? actors.sanjiang! : actors.inspector!);
      const created = await points.create(who(first!.self), { subjectId, name: p.name, location: p.location, hazardFactors: p.hazardFactors, controls: p.controls, assessment: first!.a });
      for (const next of later) {
        clock = new Date(now.getTime() - next.daysAgo * DAY);
        await points.assess(who(next.self), created.id, next.a);
      }
    }
  };
  await seed(plant.id, sanjiangPlant);
  const siteRows = await db.selectFrom('subjects').select(['id', 'name']).where('type', '=', 'construction_site').orderBy('created_at').orderBy('id').execute();
  for (const [k, s] of siteRows.entries()) {
    const own = sites[s.name];
    if (own) await seed(s.id, own);
    else if (k < 12) await seed(s.id, genericSite.slice(0, 1 + (k % 2)));
  }
  const carriers = await db.selectFrom('subjects').select(['id', 'name']).where('type', '=', 'hazmat_carrier').orderBy('created_at').orderBy('id').execute();
  for (const [i, c] of carriers.entries()) await seed(c.id, carrierPoints(c.name, i));

  clock = now;
  await recomputeRisk(db, now, defaultRiskConfig);
  const repeat = carriers.find((c) => c.name === '港区第3危险品运输有限公司(演示)');
  if (repeat) {
    await new RiskService(db, config, points, () => now).setEscalation(actors.leader!, repeat.id, { level: 'escalated', reason: '整改逾期且车辆违规较多,分管领导决定提级管控(演示)' });
  }
}
