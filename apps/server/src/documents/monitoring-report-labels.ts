import type { Locale, MonitoringRates, MonitoringReport, MonitoringThresholds } from '@anlan/contracts';
import { monitoringAlarmTypeLabel } from '@anlan/contracts';

/** What the daily report documents (PDF, Excel) are made from. */
export interface MonitoringReportDocument {
  report: MonitoringReport;
  /** The district the platform watches, e.g. 嘉兴港区. */
  districtName: string;
  locale: Locale;
}

export const MONITORING_REPORT_TITLE: Record<Locale, string> = {
  'zh-CN': '危险货物运输车辆每日在线监测报告',
  en: 'Hazmat vehicles: daily online-monitoring report',
};

export type RateKey = keyof MonitoringRates;
export const RATE_KEYS: readonly RateKey[] = ['connected', 'online', 'completeness', 'validity', 'drift'];

export const rateLabels: Record<RateKey, Record<Locale, string>> = {
  connected: { 'zh-CN': '入网率', en: 'Connection rate' },
  online: { 'zh-CN': '上线率', en: 'Online rate' },
  completeness: { 'zh-CN': '轨迹完整率', en: 'Track completeness' },
  validity: { 'zh-CN': '数据合格率', en: 'Data validity' },
  drift: { 'zh-CN': '漂移率', en: 'Drift rate' },
};

/** Drift is a ceiling; every other rate is a floor. */
export const isCeiling = (key: RateKey) => key === 'drift';

/** Whether a rate meets its target; null when there was nothing to measure. */
export function meetsTarget(key: RateKey, value: number | null, thresholds: MonitoringThresholds): boolean | null {
  if (value === null) return null;
  const target = thresholds.targets[key];
  return isCeiling(key) ? value <= target : value >= target;
}

export const percentText = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}%`);

export const targetText = (key: RateKey, t: MonitoringThresholds) => `${isCeiling(key) ? '≤' : '≥'} ${t.targets[key]}%`;

/** The figures behind a rate, e.g. 上线 95 / 入网 100 辆. */
export function rateBasis(key: RateKey, r: MonitoringReport, l: Locale): string {
  const s = r.summary;
  const zh = l === 'zh-CN';
  switch (key) {
    case 'connected':
      return zh
        ? `入网 ${s.vehiclesConnected} / 登记 ${s.vehiclesRegistered} 辆`
        : `${s.vehiclesConnected} of ${s.vehiclesRegistered} vehicles`;
    case 'online':
      return zh
        ? `上线 ${s.vehiclesOnline} / 入网 ${s.vehiclesConnected} 辆`
        : `${s.vehiclesOnline} of ${s.vehiclesConnected} vehicles`;
    case 'completeness':
      return zh
        ? `连续 ${s.continuousKm.toFixed(1)} / 总 ${s.distanceKm.toFixed(1)} 公里`
        : `${s.continuousKm.toFixed(1)} of ${s.distanceKm.toFixed(1)} km`;
    case 'validity':
      return zh ? `合格 ${s.validPositions} / 共 ${s.positions} 条` : `${s.validPositions} of ${s.positions} positions`;
    case 'drift':
      return zh
        ? `漂移 ${s.vehiclesDrifting} / 上线 ${s.vehiclesOnline} 辆`
        : `${s.vehiclesDrifting} of ${s.vehiclesOnline} vehicles`;
  }
}

/** Alarm counts by type as one phrase, busiest first: 超速 3、疲劳驾驶 1. */
export function byTypeText(byType: Record<string, number>, l: Locale): string {
  return Object.entries(byType)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, n]) => `${monitoringAlarmTypeLabel(type, l)} ${n}`)
    .join(l === 'zh-CN' ? '、' : ', ');
}

/** 2026年12月19日 / 2026-12-19. */
export function dayText(day: string, l: Locale): string {
  if (l !== 'zh-CN') return day;
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as Asia/Shanghai wall-clock time, `YYYY-MM-DD HH:mm`. */
export function shanghaiTimeText(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Who the report is about: the district, or a carrier in it. */
export function scopeText(doc: MonitoringReportDocument): string {
  const zh = doc.locale === 'zh-CN';
  const carrier = doc.report.organisationName;
  if (!carrier) return zh ? `辖区：${doc.districtName}` : `District: ${doc.districtName}`;
  return zh ? `辖区：${doc.districtName}　运输企业：${carrier}` : `District: ${doc.districtName} · Carrier: ${carrier}`;
}

export function generatedText(doc: MonitoringReportDocument): string {
  const zh = doc.locale === 'zh-CN';
  const r = doc.report;
  const who = r.generatedBy?.name ?? (zh ? '系统自动生成' : 'the daily job');
  return zh
    ? `生成时间：${shanghaiTimeText(r.generatedAt)}　生成人：${who}`
    : `Generated ${shanghaiTimeText(r.generatedAt)} by ${who}`;
}

/** The file name of a report document, e.g. 危险货物运输车辆每日在线监测报告-2026-12-19.pdf. */
export function reportFileName(doc: MonitoringReportDocument, ext: 'pdf' | 'xlsx'): string {
  const carrier = doc.report.organisationName ? `-${doc.report.organisationName}` : '';
  return `${MONITORING_REPORT_TITLE['zh-CN']}-${doc.report.day}${carrier}.${ext}`;
}
