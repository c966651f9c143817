import type { EscalationLevel, EscalationMove, RiskColour, RiskFactor, SubjectRisk, SubjectRiskQuery, SubjectType } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { organisationIn } from '../identity/scope-sql.js';

type Scoped = { visible: string[] | undefined };

/** The visibility rule on the subject alias `s` (or another organisation column), as one condition. */
const inScope = (visible: string[] | undefined, column = sql.ref('s.organisation_id')) => organisationIn(visible, column);

export interface SubjectRiskRow {
  id: string;
  name: string;
  type: SubjectType;
  organisation_id: string | null;
  department_id: string | null;
  lat: number | null;
  lon: number | null;
  colour: RiskColour;
  score: number;
  factors: RiskFactor[];
  computed_at: Date | null;
  escalation: EscalationLevel;
  escalation_since: Date | null;
  manual_level: EscalationLevel | null;
}

export const toSubjectRisk = (r: SubjectRiskRow): SubjectRisk => ({
  subjectId: r.id,
  subjectName: r.name,
  subjectType: r.type,
  organisationId: r.organisation_id,
  departmentId: r.department_id,
  lat: r.lat,
  lon: r.lon,
  colour: r.colour,
  score: r.score,
  factors: r.factors,
  computedAt: r.computed_at?.toISOString() ?? null,
  escalation: r.escalation,
  escalationSince: r.escalation_since?.toISOString() ?? null,
  escalationManual: r.manual_level !== null,
});

const MOVE_TYPES = ['subject.escalated', 'subject.deescalated'] as const;

/** Reads of the computed levels: lists, the board's aggregates, the plan's candidates. Scoped by subject organisation. */
export class RiskReadRepository {
  constructor(private readonly db: Db) {}

  /** Subjects with their level; a subject the recompute has not seen yet reads blue with score 0. */
  private levels() {
    return this.db
      .selectFrom('subjects as s')
      .leftJoin('subject_risk_levels as l', 'l.subject_id', 's.id')
      .leftJoin('subject_escalations as e', 'e.subject_id', 's.id')
      .select([
        's.id',
        's.name',
        's.type',
        's.organisation_id',
        's.department_id',
        's.lat',
        's.lon',
        sql<RiskColour>`coalesce(l.colour, 'blue')`.as('colour'),
        sql<number>`coalesce(l.score, 0)`.as('score'),
        sql<RiskFactor[]>`coalesce(l.factors, '[]'::jsonb)`.as('factors'),
        'l.computed_at',
        sql<EscalationLevel>`coalesce(e.level, 'none')`.as('escalation'),
        'e.since as escalation_since',
        sql<EscalationLevel | null>`e.manual_level`.as('manual_level'),
      ]);
  }

  async list(f: SubjectRiskQuery & Scoped): Promise<{ rows: SubjectRiskRow[]; total: number }> {
    let q = this.levels().where(inScope(f.visible));
    if (f.colour) q = q.where(sql`coalesce(l.colour, 'blue')`, '=', f.colour);
    if (f.escalation) q = q.where(sql`coalesce(e.level, 'none')`, '=', f.escalation);
    if (f.type) q = q.where('s.type', '=', f.type);
    if (f.departmentId) q = q.where('s.department_id', '=', f.departmentId);
    if (f.organisationId) q = q.where('s.organisation_id', '=', f.organisationId);
    if (f.q) q = q.where('s.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const [rows, count] = await Promise.all([
      q.orderBy(sql`coalesce(l.score, 0)`, 'desc').orderBy('s.name').orderBy('s.id').limit(f.limit).offset(f.offset).execute(),
      this.db.selectFrom(q.as('x')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  one(id: string): Promise<SubjectRiskRow | undefined> {
    return this.levels().where('s.id', '=', id).executeTakeFirst();
  }

  /** Top subjects by score, for the board. */
  top(visible: string[] | undefined, n: number): Promise<SubjectRiskRow[]> {
    return this.levels().where(inScope(visible)).where('l.score', '>', 0).orderBy('l.score', 'desc').orderBy('s.name').limit(n).execute();
  }

  /** Counts by subject type, colour and escalation level. */
  counts(visible: string[] | undefined) {
    return this.db
      .selectFrom('subjects as s')
      .leftJoin('subject_risk_levels as l', 'l.subject_id', 's.id')
      .leftJoin('subject_escalations as e', 'e.subject_id', 's.id')
      .where(inScope(visible))
      .select(['s.type', sql<RiskColour>`coalesce(l.colour, 'blue')`.as('colour'), sql<EscalationLevel>`coalesce(e.level, 'none')`.as('escalation'), sql<number>`count(*)::int`.as('n')])
      .groupBy(['s.type', sql`coalesce(l.colour, 'blue')`, sql`coalesce(e.level, 'none')`])
      .execute();
  }

  async lastComputedAt(): Promise<Date | null> {
    const r = await this.db.selectFrom('risk_runs').select((eb) => eb.fn.max('computed_at').as('at')).executeTakeFirst();
    return (r?.at as Date | null | undefined) ?? null;
  }

  /** Subjects per day and colour since `fromDay` (YYYY-MM-DD). */
  trend(visible: string[] | undefined, fromDay: string) {
    return this.db
      .selectFrom('subject_risk_history as h')
      .innerJoin('subjects as s', 's.id', 'h.subject_id')
      .where(inScope(visible))
      .where('h.day', '>=', fromDay)
      .select(['h.day', 'h.colour', sql<number>`count(*)::int`.as('n')])
      .groupBy(['h.day', 'h.colour'])
      .orderBy('h.day')
      .execute();
  }

  /** Moves on the escalation ladder since `from` (or of one subject), newest first. */
  async moves(f: Scoped & { from?: Date; subjectId?: string; limit: number }): Promise<EscalationMove[]> {
    let q = this.db
      .selectFrom('events as ev')
      .innerJoin('subjects as s', (j) => j.on(sql`s.id::text`, '=', sql.ref('ev.entity_id')))
      .where('ev.entity_type', '=', 'subject')
      .where('ev.type', 'in', MOVE_TYPES);
    q = q.where(inScope(f.visible, sql.ref('ev.organisation_id')));
    if (f.from) q = q.where('ev.at', '>=', f.from);
    if (f.subjectId) q = q.where('ev.entity_id', '=', f.subjectId);
    const rows = await q.select(['ev.id', 'ev.at', 'ev.type', 'ev.entity_id', 'ev.payload', 's.name']).orderBy('ev.id', 'desc').limit(f.limit).execute();
    return rows.map((r) => {
      const p = r.payload as { from: EscalationLevel; to: EscalationLevel; reasons?: EscalationMove['reasons']; manual?: boolean };
      return { eventId: r.id, at: r.at.toISOString(), type: r.type as EscalationMove['type'], subjectId: r.entity_id, subjectName: r.name, from: p.from, to: p.to, reasons: p.reasons ?? [], manual: p.manual ?? false };
    });
  }

  history(subjectId: string, fromDay: string) {
    return this.db.selectFrom('subject_risk_history').select(['day', 'colour', 'score']).where('subject_id', '=', subjectId).where('day', '>=', fromDay).orderBy('day').execute();
  }

  async lastInspectedAt(subjectId: string): Promise<Date | null> {
    const r = await this.db.selectFrom('inspections').select((eb) => eb.fn.max('inspected_at').as('at')).where('subject_id', '=', subjectId).executeTakeFirst();
    return (r?.at as Date | null | undefined) ?? null;
  }

  escalation(subjectId: string, db: Db = this.db) {
    return db.selectFrom('subject_escalations').selectAll().where('subject_id', '=', subjectId).executeTakeFirst();
  }

  vehicles(f: Scoped & { organisationId?: string | undefined; colour?: RiskColour | undefined; dailyReview?: boolean | undefined; limit: number; offset: number }) {
    let q = this.db
      .selectFrom('vehicle_risk_levels as r')
      .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id');
    q = q.where(inScope(f.visible, sql.ref('r.organisation_id')));
    if (f.organisationId) q = q.where('r.organisation_id', '=', f.organisationId);
    if (f.colour) q = q.where('r.colour', '=', f.colour);
    if (f.dailyReview !== undefined) q = q.where('r.daily_online_review', '=', f.dailyReview);
    return Promise.all([
      q.selectAll('r').select(['v.plate', 'o.name as organisation_name']).orderBy('r.score', 'desc').orderBy('v.plate').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
  }

  countDailyReview(visible: string[] | undefined) {
    const q = this.db.selectFrom('vehicle_risk_levels').where('daily_online_review', '=', true).where(inScope(visible, sql.ref('organisation_id')));
    return q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  }
}

