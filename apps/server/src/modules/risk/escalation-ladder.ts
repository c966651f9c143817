import type { EscalationLevel, EscalationReason, RiskColour } from '@anlan/contracts';
import type { RiskConfig } from './risk-config.js';
import type { RiskFacts } from './risk-score.js';

const DAY_MS = 86_400_000;
export const levelRank: Record<EscalationLevel, number> = { none: 0, listed: 1, escalated: 2 };
const LEVELS: EscalationLevel[] = ['none', 'listed', 'escalated'];

/** The facts that call for a level now. */
export interface Triggers {
  listed: EscalationReason[];
  escalated: EscalationReason[];
}

/** A subject's place on the ladder (subject_escalations, in memory). */
export interface LadderState {
  level: EscalationLevel;
  since: Date;
  /** The first recompute at which no rule of the current level held; null while one holds. */
  cleanSince: Date | null;
  listedSince: Date | null;
  scoreAtListing: number | null;
  reasons: EscalationReason[];
  manualLevel: EscalationLevel | null;
}

export interface Move {
  from: EscalationLevel;
  to: EscalationLevel;
  reasons: EscalationReason[];
}

const reason = (code: string, zh: string, en: string, count: number, evidenceIds: string[]): EscalationReason => ({ code, label: { 'zh-CN': zh, en }, count, evidenceIds });

/** Which configured rules hold for these facts (the no-improvement rule needs the state: see stepLadder). */
export function triggersOf(f: RiskFacts, cfg: RiskConfig): Triggers {
  const l = cfg.escalation.listed;
  const e = cfg.escalation.escalated;
  const h = f.hazards;
  const listed: EscalationReason[] = [];
  const escalated: EscalationReason[] = [];
  const violations = f.alarms ? f.alarms.serious + f.alarms.critical : 0;
  const window = cfg.points.vehicleViolation.windowDays;
  if (h) {
    if (l.majorHazardOpen && h.open_major > 0) listed.push(reason('major_hazard_open', `存在未销号重大隐患${h.open_major}项`, `${h.open_major} open major hazard(s)`, h.open_major, h.open_major_ids));
    if (h.long_overdue > 0) listed.push(reason('hazard_overdue', `隐患逾期超过${l.overdueDays}天${h.long_overdue}项`, `${h.long_overdue} hazard(s) overdue by ${l.overdueDays} days or more`, h.long_overdue, h.long_overdue_ids));
    if (h.repeated_rechecks > 0) listed.push(reason('recheck_failed', `隐患复查不合格达${l.recheckFailures}次${h.repeated_rechecks}项`, `${h.repeated_rechecks} hazard(s) failed re-check ${l.recheckFailures} times or more`, h.repeated_rechecks, h.repeated_recheck_ids));
    if (l.hazardListed && h.listed + h.escalated > 0) listed.push(reason('hazard_listed', `隐患被挂牌督办${h.listed + h.escalated}项`, `${h.listed + h.escalated} hazard(s) listed by a leader`, h.listed + h.escalated, [...h.listed_ids, ...h.escalated_ids]));
    if (e.majorHazardOverdue && h.overdue_major > 0) escalated.push(reason('major_hazard_overdue', `重大隐患逾期未整改${h.overdue_major}项`, `${h.overdue_major} major hazard(s) past their deadline`, h.overdue_major, h.overdue_major_ids));
    if (e.hazardEscalated && h.escalated > 0) escalated.push(reason('hazard_escalated', `隐患被提级管控${h.escalated}项`, `${h.escalated} hazard(s) escalated by a leader`, h.escalated, h.escalated_ids));
  }
  const ids = f.alarms?.violationIds ?? [];
  if (violations >= l.violations) listed.push(reason('vehicle_violations', `${window}天内车辆严重违规${violations}起`, `${violations} serious vehicle violations in ${window} days`, violations, ids));
  if (violations >= e.violations) escalated.push(reason('repeat_violations', `${window}天内车辆严重违规${violations}起(屡次违规)`, `${violations} serious vehicle violations in ${window} days (repeat offender)`, violations, ids));
  return { listed, escalated };
}

/**
 * One recompute's step on the ladder. Up: at once, straight to the highest level whose rules hold. Down: one
 * step, once cleanPeriodDays have passed since the first recompute that found no rule of the current level holding;
 * each step down starts a new clean period. A manual level holds until cleared: no automatic move while it is set.
 * A state that does not change returns the same values, so that the recompute writes nothing for it.
 */
export function stepLadder(prev: LadderState | undefined, t: Triggers, score: number, now: Date, cfg: RiskConfig): { next: LadderState; move?: Move } {
  const cur: LadderState = prev ?? { level: 'none', since: now, cleanSince: null, listedSince: null, scoreAtListing: null, reasons: [], manualLevel: null };
  const escalated = [...t.escalated];
  const limit = cfg.escalation.escalated.listedDaysWithoutImprovement;
  if (cur.level !== 'none' && cur.listedSince && t.listed.length && now.getTime() - cur.listedSince.getTime() >= limit * DAY_MS && score >= (cur.scoreAtListing ?? 0)) {
    escalated.push(reason('no_improvement', `挂牌督办超过${limit}天仍无改善`, `listed for ${limit} days or more without improvement`, 1, []));
  }
  if (cur.manualLevel) return { next: cur };
  const target: EscalationLevel = escalated.length ? 'escalated' : t.listed.length ? 'listed' : 'none';
  const reasonsFor = (level: EscalationLevel) => (level === 'escalated' ? [...escalated, ...t.listed] : level === 'listed' ? t.listed : []);
  if (levelRank[target] > levelRank[cur.level]) {
    const reasons = reasonsFor(target);
    const fresh = cur.level === 'none';
    return {
      next: { ...cur, level: target, since: now, cleanSince: null, reasons, listedSince: fresh ? now : cur.listedSince, scoreAtListing: fresh ? score : cur.scoreAtListing },
      move: { from: cur.level, to: target, reasons },
    };
  }
  if (target === cur.level) return { next: cur.level === 'none' ? cur : { ...cur, cleanSince: null, reasons: reasonsFor(target) } };
  const clean = cfg.escalation.cleanPeriodDays;
  const cleanSince = cur.cleanSince ?? now;
  if (now.getTime() - cleanSince.getTime() < clean * DAY_MS) return { next: { ...cur, cleanSince } };
  const to = LEVELS[levelRank[cur.level] - 1]!;
  const reasons = [reason('clean_period', `连续${clean}天无触发因素`, `no triggering fact for ${clean} days`, clean, [])];
  return {
    // The next step down needs a clean period of its own; a step down to listed restarts the no-improvement clock.
    next: {
      ...cur,
      level: to,
      since: now,
      cleanSince: levelRank[target] < levelRank[to] ? now : null,
      reasons: to === 'none' ? reasons : [...reasons, ...reasonsFor(to)],
      listedSince: to === 'none' ? null : now,
      scoreAtListing: to === 'none' ? null : score,
    },
    move: { from: cur.level, to, reasons },
  };
}

/** The event type of a move: exactly these two names (the notifications consume them). */
export const moveType = (from: EscalationLevel, to: EscalationLevel) => (levelRank[to] > levelRank[from] ? 'subject.escalated' : 'subject.deescalated') as 'subject.escalated' | 'subject.deescalated';

export interface StepSettings {
  supervisorScope: 'department' | 'district';
  supervisorRole: string;
  supervisorOrganisationId: string | null;
  inspectionFrequencyDays: number;
  dailyOnlineReview: boolean;
}

/** What a level means for a subject of a colour: who supervises, how often it is inspected, daily online review. */
export function stepSettings(level: EscalationLevel, colour: RiskColour, departmentId: string | null, districtId: string | null, cfg: RiskConfig): StepSettings {
  const step = cfg.steps[level];
  const colourDays = cfg.inspectionDays[colour];
  return {
    supervisorScope: step.supervisor,
    supervisorRole: step.supervisorRole,
    supervisorOrganisationId: step.supervisor === 'district' ? districtId : departmentId,
    inspectionFrequencyDays: step.inspectionDays === null ? colourDays : Math.min(colourDays, step.inspectionDays),
    dailyOnlineReview: step.dailyOnlineReview,
  };
}
