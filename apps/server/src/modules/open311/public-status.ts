import type { HazardStatus, Locale, PublicReportTriage } from '@anlan/contracts';

/** What the public status is derived from: the report's own state and, once accepted, its hazard's status. */
export interface ReportState {
  /** 'closed' only when the report was rejected; acceptance leaves it 'open' and the hazard decides. */
  status: 'open' | 'closed';
  /** The reject reason, when rejected. */
  status_notes: string | null;
  hazard_id: string | null;
  hazard_status: HazardStatus | null;
}

export interface PublicStatus {
  status: 'open' | 'closed';
  notes: Record<Locale, string>;
  triage: PublicReportTriage;
}

/**
 * Folds the closed loop into Open311's open/closed plus a note, at read time: the hazard moves on its own
 * and the report never needs to be updated for it.
 */
export function publicStatus(r: ReportState): PublicStatus {
  if (r.status === 'closed') {
    const reason = r.status_notes ?? '';
    return { status: 'closed', triage: 'rejected', notes: { 'zh-CN': `不予受理:${reason}`, en: `Not accepted: ${reason}` } };
  }
  if (!r.hazard_id || !r.hazard_status) {
    return { status: 'open', triage: 'pending', notes: { 'zh-CN': '已收到,正在核实', en: 'Received; being checked' } };
  }
  switch (r.hazard_status) {
    case 'closed':
      return { status: 'closed', triage: 'accepted', notes: { 'zh-CN': '已整改完毕', en: 'Rectified' } };
    case 'void':
      return { status: 'closed', triage: 'accepted', notes: { 'zh-CN': '经核查,已作销案处理', en: 'Checked; closed without further action' } };
    case 'found':
    case 'notice_issued':
    case 'rectifying':
    case 'submitted':
    case 'verified':
      return { status: 'open', triage: 'accepted', notes: { 'zh-CN': '已受理,正在整改', en: 'Accepted; being rectified' } };
  }
}

/** The hazard statuses in which a linked report reads as closed; keep in step with `publicStatus`. */
export const CLOSING_HAZARD_STATUSES: readonly HazardStatus[] = ['closed', 'void'];

const CHINA_OFFSET_MS = 8 * 3600_000;

/** ISO 8601 in China Standard Time, to the second: 2026-12-20T10:00:00+08:00. */
export function chinaIso(d: Date): string {
  return `${new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
