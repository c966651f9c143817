import type { NoticeDocument, NoticeHazard } from './notice-document.js';

const HAZARDS: NoticeHazard[] = [
  {
    description: '3号罐区动火作业未办理动火安全作业票，作业现场未配备可燃气体检测仪',
    location: '3号罐区东侧管廊',
    level: 'major',
    clause: '第十条',
    catalogue: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（2023版）',
  },
  {
    description: '施工现场临时用电配电箱未设置漏电保护器，电缆线沿地面拖放',
    location: '二期扩建工地北侧',
    level: 'general',
    clause: '第5.1条',
    catalogue: '施工现场临时用电安全技术规范',
  },
  {
    description: '高处作业人员未按规定系挂安全带，作业平台临边防护栏杆缺失',
    location: '综合楼脚手架第6层',
    level: 'general',
  },
  {
    description: '可燃气体报警器未与紧急切断阀联锁，报警记录未保存',
    location: '液化烃装卸站台',
    level: 'major',
    clause: '第六条',
    catalogue: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（2023版）',
  },
  {
    description: '消防车通道被建筑材料堵塞，消火栓前堆放杂物',
    location: '厂区2号门至罐区道路',
    level: 'general',
  },
];

/**
 * A realistic notice for tests, previews and demo data; `hazardCount` above five repeats the list with numbered
 * locations to exercise page flow.
 */
export function sampleNotice(overrides: Partial<NoticeDocument> = {}, hazardCount = 5): NoticeDocument {
  const hazards = Array.from({ length: hazardCount }, (_, i) => {
    const base = HAZARDS[i % HAZARDS.length]!;
    return i < HAZARDS.length ? base : { ...base, location: `${base.location ?? ''}（第${i + 1}处）` };
  });
  return {
    kind: 'rectify',
    number: '嘉港资规限改〔2026〕17号',
    issuingBody: '嘉兴港区自然资源和规划建设局',
    recipient: { name: '三江化工有限公司', address: '嘉兴港区平海路88号', contact: '王建国 0573-85580000' },
    subject: { name: '三江化工有限公司二期扩建项目', address: '嘉兴港区平海路88号' },
    // 09:30 and 10:00 on 20 Nov in Shanghai; the deadline is the last second of 31 Dec in Shanghai.
    inspectedAt: new Date('2026-11-20T01:30:00Z'),
    issuedAt: new Date('2026-11-20T02:00:00Z'),
    deadline: new Date('2026-12-31T15:59:59Z'),
    hazards,
    inspectors: ['张伟', '李娜'],
    ...overrides,
  };
}
