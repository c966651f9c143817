import type { Digest, DigestEntry, DigestSection, DigestSectionKey, LocalisedText, NotificationSeverity } from '@anlan/contracts';
import type { DeadlineRow } from './hazard-deadlines.js';

/** An event item waiting for the digest (as stored in notifications). */
export interface PendingItem {
  category: string;
  urgent: boolean;
  severity: NotificationSeverity;
  title_zh: string;
  title_en: string;
  link: string | null;
  entity_type: string;
  entity_id: string;
  at: Date;
}

export const TOP_ITEMS = 5;
const SEVERITY_RANK: Record<NotificationSeverity, number> = { critical: 3, serious: 2, warning: 1, info: 0 };
const CHINA_OFFSET_MS = 8 * 3600_000;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar day in China (Asia/Shanghai, UTC+8 all year) of an instant, as YYYY-MM-DD. */
export const dayInChina = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const dateZh = (d: Date) => {
  const c = new Date(d.getTime() + CHINA_OFFSET_MS);
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
};
const dateEn = (d: Date) => {
  const c = new Date(d.getTime() + CHINA_OFFSET_MS);
  return `${c.getUTCDate()} ${MONTHS_EN[c.getUTCMonth()]}`;
};

const sectionTitles: Record<DigestSectionKey, LocalisedText> = {
  escalated: { 'zh-CN': '升级督办', en: 'Escalated' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
  due: { 'zh-CN': '3 日内到期', en: 'Due within 3 days' },
  new: { 'zh-CN': '新增动态', en: 'New' },
};

function countBy<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

const itemEntry = (i: PendingItem): DigestEntry => ({
  title: { 'zh-CN': i.title_zh, en: i.title_en },
  link: i.link,
  severity: i.severity,
  entityType: i.entity_type,
  entityId: i.entity_id,
  at: i.at.toISOString(),
});

function deadlineEntry(h: DeadlineRow, now: Date, overdue: boolean): DigestEntry {
  const days = Math.max(1, Math.ceil(Math.abs(now.getTime() - h.dueAt.getTime()) / 86_400_000));
  const what = h.kind === 'acceptance' ? { zh: '验收复查', en: 'acceptance re-check' } : { zh: '整改', en: 'rectification' };
  const desc = h.description.length > 30 ? `${h.description.slice(0, 30)}…` : h.description;
  return {
    title: overdue
      ? { 'zh-CN': `隐患 ${h.code} ${what.zh}已逾期 ${days} 天 · ${desc}`, en: `Hazard ${h.code}: ${what.en} overdue by ${days} day(s) · ${desc}` }
      : { 'zh-CN': `隐患 ${h.code} ${what.zh}将于 ${dateZh(h.dueAt)} 到期 · ${desc}`, en: `Hazard ${h.code}: ${what.en} due ${dateEn(h.dueAt)} · ${desc}` },
    link: `/hazards/${h.id}`,
    severity: overdue ? 'serious' : 'warning',
    entityType: 'hazard',
    entityId: h.id,
    at: h.dueAt.toISOString(),
  };
}

const pressing = (a: PendingItem, b: PendingItem) =>
  Number(b.urgent) - Number(a.urgent) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.at.getTime() - a.at.getTime();

/**
 * One digest from what waited since the last one and the deadlines as they stand: escalations, overdue, due
 * within 3 days, and everything else that is new — each a count, counts by category and the most pressing few.
 */
export function buildDigest(items: readonly PendingItem[], deadlines: { due: readonly DeadlineRow[]; overdue: readonly DeadlineRow[] }, now: Date, periodStart: Date | null): Omit<Digest, 'id'> {
  const escalated = items.filter((i) => i.category === 'escalation').sort(pressing);
  const fresh = items.filter((i) => i.category !== 'escalation').sort(pressing);
  const section = (key: DigestSectionKey, count: number, byCategory: Record<string, number>, top: DigestEntry[]): DigestSection => ({ key, title: sectionTitles[key], count, byCategory, top });
  const sections: DigestSection[] = [
    section('escalated', escalated.length, countBy(escalated, (i) => i.entity_type), escalated.slice(0, TOP_ITEMS).map(itemEntry)),
    section('overdue', deadlines.overdue.length, countBy(deadlines.overdue, (h) => h.kind), deadlines.overdue.slice(0, TOP_ITEMS).map((h) => deadlineEntry(h, now, true))),
    section('due', deadlines.due.length, countBy(deadlines.due, (h) => h.kind), deadlines.due.slice(0, TOP_ITEMS).map((h) => deadlineEntry(h, now, false))),
    section('new', fresh.length, countBy(fresh, (i) => i.category), fresh.slice(0, TOP_ITEMS).map(itemEntry)),
  ];
  const counts = { escalated: escalated.length, overdue: deadlines.overdue.length, due: deadlines.due.length, new: fresh.length };
  const parts = sections.filter((s) => s.count > 0);
  const title = {
    'zh-CN': `每日安全摘要 · ${dateZh(now)}${parts.length ? ':' : ''}${parts.map((s) => `${s.title['zh-CN']} ${s.count} 项`).join(',')}`,
    en: `Daily digest · ${dateEn(now)}${parts.length ? ': ' : ''}${parts.map((s) => `${s.count} ${s.title.en.toLowerCase()}`).join(', ')}`,
  };
  return { day: dayInChina(now), periodStart: periodStart?.toISOString() ?? null, periodEnd: now.toISOString(), title, counts, sections };
}

export const isEmptyDigest = (d: Pick<Digest, 'counts'>) => d.counts.escalated + d.counts.overdue + d.counts.due + d.counts.new === 0;

/** The digest's own severity in the inbox: as bad as its worst section. */
export function digestSeverity(d: Pick<Digest, 'counts'>): NotificationSeverity {
  if (d.counts.escalated) return 'critical';
  if (d.counts.overdue) return 'serious';
  if (d.counts.due) return 'warning';
  return 'info';
}
