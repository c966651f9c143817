import {
  urgentCategories,
  type LocalisedText,
  type NotificationCategory,
  type NotificationSeverity,
} from '@anlan/contracts';
import type { EventRow } from '../../db/tables.js';
import type { EntityInfo } from './event-context.js';
import { matchesEventType } from './event-patterns.js';
import * as t from './event-titles.js';

/**
 * Who, by relevance, wants to hear of an event. Scope (an enterprise user sees only its own organisation) is
 * enforced afterwards for every audience alike, in audience.ts; an audience only narrows.
 *   owner       enterprise users of the event's organisation
 *   department  inspectors and enforcement officers of the entity's supervising department, and the regulator
 *               staff tied to it (who found the hazard, issued the notice, opened the case)
 *   inspectors / enforcement / monitors / leaders / admins   everyone with that role in the district
 */
export type Audience = 'owner' | 'department' | 'inspectors' | 'enforcement' | 'monitors' | 'leaders' | 'admins';

export interface ClassifyInput {
  event: EventRow;
  payload: Record<string, unknown>;
  entity: EntityInfo;
}

export interface Classified {
  category: NotificationCategory;
  urgent: boolean;
  severity: NotificationSeverity;
  audiences: readonly Audience[];
  title: LocalisedText;
  link: string | null;
}

interface Rule {
  /** An event type ('hazard.found') or a prefix pattern ('hazard.*'). The first matching rule wins. */
  match: string;
  when?: (e: ClassifyInput) => boolean;
  category: NotificationCategory;
  severity: NotificationSeverity | ((e: ClassifyInput) => NotificationSeverity);
  audiences: readonly Audience[] | ((e: ClassifyInput) => readonly Audience[]);
  title: (e: ClassifyInput) => LocalisedText;
}

const URGENT_AUDIENCE: readonly Audience[] = ['owner', 'department', 'leaders', 'admins'];
const isMajor = (e: ClassifyInput) => e.entity.level === 'major' || e.payload.level === 'major';
const ESCALATION_RANK: Record<string, number> = { none: 0, listed: 1, escalated: 2 };
const escalatesUp = (e: ClassifyInput) =>
  (ESCALATION_RANK[String(e.payload.escalationTo)] ?? 0) > (ESCALATION_RANK[String(e.payload.escalationFrom)] ?? 0);
const alarmSeverity = (e: ClassifyInput): NotificationSeverity => {
  const s = e.payload.severity ?? e.entity.severity;
  return s === 'info' || s === 'warning' || s === 'serious' || s === 'critical' ? s : 'warning';
};

/**
 * The classification table: event type → category, urgency, severity, audiences and title. Urgent (pushed at once)
 * exactly when the category is urgent: a major hazard found, an escalation (hazard listed/escalated, subject risk
 * escalated, alarm left unhandled), a critical alarm. Event types without a rule are not notified (they may still
 * go to webhooks). Extend by adding a row; keep specific rows above the prefix rows they refine.
 */
export const rules: readonly Rule[] = [
  { match: 'hazard.found', when: isMajor, category: 'major_hazard', severity: 'critical', audiences: URGENT_AUDIENCE, title: t.hazardFound },
  { match: 'hazard.found', category: 'hazard', severity: 'warning', audiences: ['owner', 'department'], title: t.hazardFound },
  { match: 'hazard.set_escalation', when: escalatesUp, category: 'escalation', severity: 'critical', audiences: URGENT_AUDIENCE, title: t.hazardEscalation },
  { match: 'hazard.set_escalation', category: 'hazard', severity: 'info', audiences: ['owner', 'department', 'leaders'], title: t.hazardEscalation },
  { match: 'hazard.open_case', category: 'case', severity: 'warning', audiences: ['owner', 'department', 'enforcement'], title: t.hazardAction },
  { match: 'hazard.recheck_fail', category: 'hazard', severity: 'warning', audiences: (e) => (isMajor(e) ? ['owner', 'department', 'leaders'] : ['owner', 'department']), title: t.hazardAction },
  { match: 'hazard.plan_saved', category: 'hazard', severity: 'info', audiences: ['department'], title: t.hazardAction },
  // A major hazard that passed its re-check waits for the leader's sign-off; its closing concerns leaders too.
  { match: 'hazard.*', category: 'hazard', severity: 'info', audiences: (e) => (isMajor(e) ? ['owner', 'department', 'leaders'] : ['owner', 'department']), title: t.hazardAction },
  { match: 'notice.issued', category: 'notice', severity: 'warning', audiences: (e) => (e.payload.kind === 'stop_work' ? ['owner', 'department', 'leaders'] : ['owner', 'department']), title: t.noticeIssued },
  { match: 'case.*', category: 'case', severity: 'warning', audiences: ['owner', 'enforcement', 'leaders'], title: t.caseEvent },
  { match: 'alarm.escalated', category: 'escalation', severity: 'critical', audiences: ['owner', 'monitors', 'leaders', 'admins'], title: t.alarmEscalated },
  { match: 'alarm.raised', when: (e) => alarmSeverity(e) === 'critical', category: 'critical_alarm', severity: 'critical', audiences: ['owner', 'monitors', 'leaders', 'admins'], title: t.alarmRaised },
  { match: 'alarm.raised', category: 'alarm', severity: alarmSeverity, audiences: ['owner', 'monitors'], title: t.alarmRaised },
  // An episode growing critical is news; growing otherwise, or ending, is seen in the queue (a fleet ends hundreds a day).
  { match: 'alarm.severity_raised', when: (e) => e.payload.to === 'critical', category: 'critical_alarm', severity: 'critical', audiences: ['owner', 'monitors', 'leaders', 'admins'], title: t.alarmEvent },
  { match: 'alarm.*', category: 'alarm', severity: 'info', audiences: ['owner', 'monitors'], title: t.alarmEvent },
  { match: 'subject.escalated', category: 'escalation', severity: 'critical', audiences: URGENT_AUDIENCE, title: t.subjectRisk },
  { match: 'subject.deescalated', category: 'risk', severity: 'info', audiences: ['owner', 'department', 'leaders'], title: t.subjectRisk },
  { match: 'public_report.received', category: 'public_report', severity: 'info', audiences: ['inspectors'], title: t.publicReport },
  { match: 'inspection.recorded', category: 'inspection', severity: 'info', audiences: ['owner'], title: t.inspectionRecorded },
];

/** Where the web app shows an entity. */
export function linkFor(entityType: string, entityId: string): string | null {
  const paths: Record<string, string> = {
    hazard: '/hazards',
    notice: '/notices',
    case: '/cases',
    alarm: '/alarms',
    subject: '/subjects',
    inspection: '/inspections',
    vehicle: '/vehicles',
    public_report: '/public-reports',
  };
  const base = paths[entityType];
  return base ? `${base}/${entityId}` : null;
}

/** Event types a prefix row would match that nobody is told of (they still reach webhooks and the event log). */
const silent: readonly string[] = ['alarm.ended', 'alarm.severity_raised'];

/** The notification an event makes, or null when it makes none. */
export function classify(event: EventRow, entity: EntityInfo): Classified | null {
  const payload = event.payload !== null && typeof event.payload === 'object' ? (event.payload as Record<string, unknown>) : {};
  const input: ClassifyInput = { event, payload, entity };
  const rule = rules.find((r) => matchesEventType(r.match, event.type) && (!r.when || r.when(input)));
  if (!rule || (silent.includes(event.type) && rule.match !== event.type)) return null;
  return {
    category: rule.category,
    urgent: urgentCategories.includes(rule.category),
    severity: typeof rule.severity === 'function' ? rule.severity(input) : rule.severity,
    audiences: typeof rule.audiences === 'function' ? rule.audiences(input) : rule.audiences,
    title: rule.title(input),
    link: linkFor(event.entity_type, event.entity_id),
  };
}
