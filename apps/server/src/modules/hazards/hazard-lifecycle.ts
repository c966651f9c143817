import type { HazardAction, HazardLevel, HazardStatus, Role } from '@anlan/contracts';

/**
 * The closed loop as data: which action moves a hazard from which status to which, and who may take it.
 * Evidence rules (photos, plan, deadlines) are checked by the service; this file answers "may this move happen".
 *
 *   found ─issue_notice─► notice_issued ─start_rectifying─► rectifying ─submit─► submitted ─recheck_pass─► verified ─close─► closed
 *     │                        └──────────────submit───────────────────────────▲    └─recheck_fail─► rectifying   (general: recheck_pass closes at once)
 *     ├─fix_on_spot (general only) ─► closed
 *     └─void (also from notice_issued, rectifying, submitted) ─► void
 */
interface Rule {
  from: readonly HazardStatus[];
  roles: readonly Role[];
  /** Only hazards of these levels (all when absent). Scoping to the enterprise's own hazards is the service's job. */
  levels?: readonly HazardLevel[];
}

const FIELD: readonly Role[] = ['inspector', 'enforcement', 'admin'];
const OPEN: readonly HazardStatus[] = ['found', 'notice_issued', 'rectifying', 'submitted', 'verified'];

export const rules: Record<HazardAction, Rule> = {
  issue_notice: { from: ['found'], roles: FIELD },
  start_rectifying: { from: ['notice_issued'], roles: [...FIELD, 'enterprise'] },
  submit: { from: ['notice_issued', 'rectifying'], roles: [...FIELD, 'enterprise'] },
  recheck_pass: { from: ['submitted'], roles: FIELD },
  recheck_fail: { from: ['submitted'], roles: FIELD },
  close: { from: ['verified'], roles: ['leader', 'admin'], levels: ['major'] },
  fix_on_spot: { from: ['found'], roles: FIELD, levels: ['general'] },
  void: { from: ['found', 'notice_issued', 'rectifying', 'submitted'], roles: [...FIELD, 'leader'] },
  set_escalation: { from: OPEN, roles: ['leader', 'admin'] },
  open_case: { from: OPEN, roles: ['enforcement', 'leader', 'admin'] },
  edit_plan: { from: ['found', 'notice_issued', 'rectifying'], roles: [...FIELD, 'enterprise'], levels: ['major'] },
};

export interface HazardState {
  status: HazardStatus;
  level: HazardLevel;
}

export function isAllowed(h: HazardState, action: HazardAction, role: Role): boolean {
  const rule = rules[action];
  return rule.from.includes(h.status) && rule.roles.includes(role) && (!rule.levels || rule.levels.includes(h.level));
}

/** Every action the role may take on the hazard now, in a stable order. */
export function allowedActions(h: HazardState, role: Role): HazardAction[] {
  return (Object.keys(rules) as HazardAction[]).filter((a) => isAllowed(h, a, role));
}

/** Why an action is refused, for the error message: wrong status, wrong level, or wrong role. */
export function refusal(h: HazardState, action: HazardAction, role: Role): 'status' | 'level' | 'role' | null {
  const rule = rules[action];
  if (!rule.roles.includes(role)) return 'role';
  if (rule.levels && !rule.levels.includes(h.level)) return 'level';
  if (!rule.from.includes(h.status)) return 'status';
  return null;
}

/** The status an allowed action leads to. */
export function statusAfter(h: HazardState, action: HazardAction): HazardStatus {
  switch (action) {
    case 'issue_notice':
      return 'notice_issued';
    case 'start_rectifying':
    case 'recheck_fail':
      return 'rectifying';
    case 'submit':
      return 'submitted';
    case 'recheck_pass':
      // A general hazard is closed by the re-check itself; a major one waits for the leader's sign-off.
      return h.level === 'major' ? 'verified' : 'closed';
    case 'close':
    case 'fix_on_spot':
      return 'closed';
    case 'void':
      return 'void';
    case 'set_escalation':
    case 'open_case':
    case 'edit_plan':
      return h.status;
  }
}

export const OPEN_STATUSES = OPEN;
/** Statuses in which the deadline runs: past it, the hazard is overdue. */
export const DEADLINE_STATUSES: readonly HazardStatus[] = ['notice_issued', 'rectifying'];

export function isOverdue(h: { status: HazardStatus; deadline: Date | null }, now: Date): boolean {
  return h.deadline !== null && DEADLINE_STATUSES.includes(h.status) && h.deadline.getTime() < now.getTime();
}

/** Statuses in which the regulator's acceptance period runs (a submitted major hazard awaiting its re-check or sign-off). */
export const ACCEPTANCE_STATUSES: readonly HazardStatus[] = ['submitted', 'verified'];

export function isAcceptanceOverdue(h: { status: HazardStatus; acceptance_due_at: Date | null }, now: Date): boolean {
  return h.acceptance_due_at !== null && ACCEPTANCE_STATUSES.includes(h.status) && h.acceptance_due_at.getTime() < now.getTime();
}
