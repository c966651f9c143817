import type { CampaignStatistics, SubjectType } from '@anlan/contracts';

/** How each kind of subject is counted in a Chinese briefing: measure word and verb phrase. */
const phrasing: Record<SubjectType, { inspected: (n: number) => string; hazards: string }> = {
  construction_site: { inspected: (n) => `排查在建工地${n}个`, hazards: '各类安全隐患' },
  household: { inspected: (n) => `入户检查${n}户`, hazards: '燃气安全隐患' },
  residential_estate: { inspected: (n) => `检查住宅小区${n}个`, hazards: '安全隐患' },
  chemical_enterprise: { inspected: (n) => `检查化工企业${n}家`, hazards: '安全隐患' },
  hazmat_carrier: { inspected: (n) => `检查危货运输企业${n}家`, hazards: '安全隐患' },
  public_place: { inspected: (n) => `检查公共场所${n}处`, hazards: '安全隐患' },
};
const order: SubjectType[] = ['construction_site', 'chemical_enterprise', 'hazmat_carrier', 'residential_estate', 'household', 'public_place'];

const approx = (n: number) => (n >= 100 ? `${Math.floor(n / 100) * 100}${n % 100 ? '余' : ''}` : String(n));
const percent = (r: number) => `${(r * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * The briefing paragraph the district publishes, generated from the figures, e.g.
 * "累计出动检查人员180人次,排查在建工地45个,共发现各类安全隐患160项……".
 */
export function briefing(s: Omit<CampaignStatistics, 'briefing'>): string {
  const parts: string[] = [`${s.campaignName}开展以来,累计出动检查人员${s.inspectorVisits}人次`];
  const types = order.filter((t) => (s.subjectsInspected[t] ?? 0) > 0);
  const [first, ...rest] = types;
  if (first) {
    const found = s.hazardsByType[first] ?? 0;
    parts.push(`${phrasing[first].inspected(s.subjectsInspected[first]!)},共发现${phrasing[first].hazards}${found}项,已整改${s.rectifiedByType[first] ?? 0}项`);
  }
  const orders: string[] = [];
  if (s.notices.rectify) orders.push(`限期整改通知书${s.notices.rectify}份`);
  if (s.notices.stop_work) orders.push(`停工整改通知书${s.notices.stop_work}份`);
  let sentence = parts.join(',');
  if (orders.length) sentence += `;下达${orders.join('、')}`;
  if (s.cases) sentence += `,并对问题突出的项目立案查处${s.cases}起`;
  sentence += '。';
  for (const t of rest) {
    const found = s.hazardsByType[t] ?? 0;
    const fixed = s.rectifiedByType[t] ?? 0;
    sentence += `${phrasing[t].inspected(s.subjectsInspected[t]!)},发现${phrasing[t].hazards}${found}处,已督促整改${fixed}处。`;
  }
  if (s.leaflets) sentence += `发放宣传资料${approx(s.leaflets)}份。`;
  sentence += `隐患整改率${percent(s.closureRate)},尚未销号${s.open}项`;
  sentence += s.overdue ? `,其中逾期${s.overdue}项。` : ',无逾期。';
  return sentence;
}
