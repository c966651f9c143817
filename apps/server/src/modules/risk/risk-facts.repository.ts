import type { RiskColour, SubjectType } from '@anlan/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/client.js';
import type { RiskConfig } from './risk-config.js';

const DAY_MS = 86_400_000;
/** Evidence lists keep the newest 20 records: enough to open them, small enough for a snapshot row. */
export const EVIDENCE_LIMIT = 20;

export interface SubjectBase {
  id: string;
  type: SubjectType;
  name: string;
  organisation_id: string | null;
  department_id: string | null;
}

/** The hazards of one subject, aggregated (ids newest first). */
export interface HazardAgg {
  subject_id: string;
  open_major: number;
  open_major_ids: string[];
  open_general: number;
  open_general_ids: string[];
  overdue: number;
  overdue_ids: string[];
  overdue_major: number;
  overdue_major_ids: string[];
  /** Overdue by at least escalation.listed.overdueDays. */
  long_overdue: number;
  long_overdue_ids: string[];
  recheck_failures: number;
  recheck_ids: string[];
  /** Open hazards whose re-check failed at least escalation.listed.recheckFailures times. */
  repeated_rechecks: number;
  repeated_recheck_ids: string[];
  listed: number;
  listed_ids: string[];
  escalated: number;
  escalated_ids: string[];
}

export interface RepeatGroup {
  subject_id: string;
  n: number;
  ids: string[];
}

/** The alarms of one vehicle (of one carrier) in the windows the config names. */
export interface AlarmAgg {
  organisation_id: string;
  vehicle_id: string;
  serious: number;
  critical: number;
  violation_ids: string[];
  /** Alarms whose handling time has run out, or that were handled. */
  judged: number;
  late: number;
  late_ids: string[];
}

const OPEN = sql`h.status in ('found', 'notice_issued', 'rectifying', 'submitted', 'verified')`;
const OVERDUE = (now: Date) => sql`h.status in ('notice_issued', 'rectifying') and h.deadline < ${now}`;
const ids = (filter: RawBuilder<unknown>) => sql<string[]>`coalesce((array_agg(h.id order by h.found_at desc, h.id) filter (where ${filter}))[1:${sql.lit(EVIDENCE_LIMIT)}], '{}')`;
const count = (filter: RawBuilder<unknown>) => sql<number>`(count(*) filter (where ${filter}))::int`;

/** Every fact the levels are computed from, each as one aggregate over all subjects (never a query per subject). */
export class RiskFactsRepository {
  constructor(private readonly db: Db) {}

  subjects(): Promise<SubjectBase[]> {
    return this.db.selectFrom('subjects').select(['id', 'type', 'name', 'organisation_id', 'department_id']).orderBy('id').execute();
  }

  /** The highest current grading of each subject's active risk points, with the points that have it. */
  async assessedColours(): Promise<{ subject_id: string; colour: RiskColour; ids: string[] }[]> {
    const r = await sql<{ subject_id: string; colour: RiskColour; ids: string[] }>`
      select rp.subject_id, ra.colour, (array_agg(rp.id order by ra.value desc, rp.id))[1:${sql.lit(EVIDENCE_LIMIT)}] as ids
      from risk_points rp join risk_assessments ra on ra.id = rp.current_assessment_id
      where rp.active
      group by rp.subject_id, ra.colour`.execute(this.db);
    return r.rows;
  }

  async hazards(now: Date, cfg: RiskConfig): Promise<HazardAgg[]> {
    const longOverdue = new Date(now.getTime() - cfg.escalation.listed.overdueDays * DAY_MS);
    const recent = new Date(now.getTime() - cfg.points.repeatedFinding.windowDays * DAY_MS);
    const k = cfg.escalation.listed.recheckFailures;
    const major = sql`${OPEN} and h.level = 'major'`;
    const general = sql`${OPEN} and h.level = 'general'`;
    const overdueMajor = sql`${OVERDUE(now)} and h.level = 'major'`;
    const long = sql`h.status in ('notice_issued', 'rectifying') and h.deadline <= ${longOverdue}`;
    // Re-check failures count on open hazards and on those found in the window (a closed one still tells a story).
    const rechecked = sql`h.recheck_failures > 0 and (${OPEN} or h.found_at >= ${recent})`;
    const repeated = sql`${OPEN} and h.recheck_failures >= ${k}`;
    const listed = sql`${OPEN} and h.escalation = 'listed'`;
    const escalated = sql`${OPEN} and h.escalation = 'escalated'`;
    const r = await sql<HazardAgg>`
      select h.subject_id,
        ${count(major)} as open_major, ${ids(major)} as open_major_ids,
        ${count(general)} as open_general, ${ids(general)} as open_general_ids,
        ${count(OVERDUE(now))} as overdue, ${ids(OVERDUE(now))} as overdue_ids,
        ${count(overdueMajor)} as overdue_major, ${ids(overdueMajor)} as overdue_major_ids,
        ${count(long)} as long_overdue, ${ids(long)} as long_overdue_ids,
        (coalesce(sum(h.recheck_failures) filter (where ${rechecked}), 0))::int as recheck_failures, ${ids(rechecked)} as recheck_ids,
        ${count(repeated)} as repeated_rechecks, ${ids(repeated)} as repeated_recheck_ids,
        ${count(listed)} as listed, ${ids(listed)} as listed_ids,
        ${count(escalated)} as escalated, ${ids(escalated)} as escalated_ids
      from hazards h
      where ${OPEN} or h.found_at >= ${recent}
      group by h.subject_id`.execute(this.db);
    return r.rows;
  }

  /** Findings of the same checklist item (or, without one, the same category) at least minOccurrences times. */
  async repeatedFindings(now: Date, cfg: RiskConfig): Promise<RepeatGroup[]> {
    const c = cfg.points.repeatedFinding;
    const r = await sql<RepeatGroup>`
      select h.subject_id, count(*)::int as n, (array_agg(h.id order by h.found_at desc, h.id))[1:${sql.lit(EVIDENCE_LIMIT)}] as ids
      from hazards h
      where h.found_at >= ${new Date(now.getTime() - c.windowDays * DAY_MS)} and h.found_at <= ${now} and h.status <> 'void'
      group by h.subject_id, coalesce(h.checklist_item_id::text, 'category:' || h.category)
      having count(*) >= ${c.minOccurrences}`.execute(this.db);
    return r.rows;
  }

  /** Per vehicle: serious and critical alarms, and how many alarms were handled late. */
  async alarms(now: Date, cfg: RiskConfig): Promise<AlarmAgg[]> {
    const v = cfg.points.vehicleViolation;
    const h = cfg.points.alarmHandling;
    const vFrom = new Date(now.getTime() - v.windowDays * DAY_MS);
    const hFrom = new Date(now.getTime() - h.windowDays * DAY_MS);
    const limit = sql`make_interval(mins => ${h.limitMinutes}::int)`;
    const violation = sql`a.severity in ('serious', 'critical') and a.started_at >= ${vFrom}`;
    const handled = sql`coalesce(a.handled_at, a.closed_at)`;
    const judged = sql`a.severity in (${sql.join(h.severities)}) and a.started_at >= ${hFrom} and (${handled} is not null or a.started_at + ${limit} < ${now})`;
    const late = sql`${judged} and coalesce(${handled}, ${now}) > a.started_at + ${limit}`;
    const r = await sql<AlarmAgg>`
      select a.organisation_id, a.vehicle_id,
        (count(*) filter (where ${violation} and a.severity = 'serious'))::int as serious,
        (count(*) filter (where ${violation} and a.severity = 'critical'))::int as critical,
        coalesce((array_agg(a.id order by a.started_at desc, a.id) filter (where ${violation}))[1:${sql.lit(EVIDENCE_LIMIT)}], '{}') as violation_ids,
        (count(*) filter (where ${judged}))::int as judged,
        (count(*) filter (where ${late}))::int as late,
        coalesce((array_agg(a.id order by a.started_at desc, a.id) filter (where ${late}))[1:${sql.lit(EVIDENCE_LIMIT)}], '{}') as late_ids
      from alarms a
      where a.started_at >= ${vFrom < hFrom ? vFrom : hFrom} and a.started_at <= ${now}
      group by a.organisation_id, a.vehicle_id`.execute(this.db);
    return r.rows;
  }

  vehicles() {
    return this.db.selectFrom('vehicles').select(['id', 'organisation_id']).where('active', '=', true).orderBy('id').execute();
  }

  escalations() {
    return this.db.selectFrom('subject_escalations').selectAll().execute();
  }

  /** The district's top government body: it supervises escalated subjects. */
  async districtOrganisationId(): Promise<string | null> {
    const row = await this.db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'government')
      .where('parent_id', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  }
}
