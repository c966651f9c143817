import type { RiskAssessment, RiskColour, RiskPoint } from '@anlan/contracts';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { RiskAssessmentsTable, RiskPointsTable } from '../../db/tables.js';

export type AssessmentRow = Selectable<RiskAssessmentsTable>;
export type PointRow = Selectable<RiskPointsTable> & { subject_name: string; organisation_id: string | null };

export const toAssessment = (r: AssessmentRow): RiskAssessment => ({
  id: r.id,
  riskPointId: r.risk_point_id,
  method: r.method,
  l: r.l,
  e: r.e,
  c: r.c,
  s: r.s,
  value: r.value,
  band: r.band,
  colour: r.colour,
  selfAssessment: r.self_assessment,
  note: r.note,
  assessedBy: r.assessed_by,
  assessedAt: r.assessed_at.toISOString(),
});

export const toRiskPoint = (r: PointRow, current: AssessmentRow | undefined): RiskPoint => ({
  id: r.id,
  subjectId: r.subject_id,
  subjectName: r.subject_name,
  organisationId: r.organisation_id,
  name: r.name,
  location: r.location,
  description: r.description,
  hazardFactors: r.hazard_factors,
  controls: r.controls,
  responsiblePerson: r.responsible_person,
  contactPhone: r.contact_phone,
  active: r.active,
  current: current ? toAssessment(current) : null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export interface PointFilter {
  visible: string[] | undefined;
  subjectId?: string | undefined;
  colour?: RiskColour | undefined;
  active: boolean;
  limit: number;
  offset: number;
}

/** Risk points and their assessments. Scoping follows the subject's organisation. */
export class RiskPointsRepository {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return db
      .selectFrom('risk_points as rp')
      .innerJoin('subjects as s', 's.id', 'rp.subject_id')
      .selectAll('rp')
      .select(['s.name as subject_name', 's.organisation_id']);
  }

  find(id: string, db: Db = this.db): Promise<PointRow | undefined> {
    return this.base(db).where('rp.id', '=', id).executeTakeFirst();
  }

  lock(trx: Db, id: string): Promise<PointRow | undefined> {
    return this.base(trx).where('rp.id', '=', id).forUpdate('rp').executeTakeFirst();
  }

  async list(f: PointFilter): Promise<{ rows: PointRow[]; total: number }> {
    let q = this.db
      .selectFrom('risk_points as rp')
      .innerJoin('subjects as s', 's.id', 'rp.subject_id')
      .leftJoin('risk_assessments as ca', 'ca.id', 'rp.current_assessment_id')
      .where('rp.active', '=', f.active);
    if (f.visible) q = f.visible.length ? q.where('s.organisation_id', 'in', f.visible) : q.where(sql<boolean>`false`);
    if (f.subjectId) q = q.where('rp.subject_id', '=', f.subjectId);
    if (f.colour) q = q.where('ca.colour', '=', f.colour);
    const [rows, count] = await Promise.all([
      q
        .selectAll('rp')
        .select(['s.name as subject_name', 's.organisation_id'])
        .orderBy(sql`coalesce(ca.value, -1)`, 'desc')
        .orderBy('rp.created_at')
        .orderBy('rp.id')
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async byIds(ids: (string | null)[], db: Db = this.db): Promise<Map<string, AssessmentRow>> {
    const wanted = ids.filter((id): id is string => id !== null);
    if (!wanted.length) return new Map();
    const rows = await db.selectFrom('risk_assessments').selectAll().where('id', 'in', wanted).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  history(pointId: string, db: Db = this.db): Promise<AssessmentRow[]> {
    return db.selectFrom('risk_assessments').selectAll().where('risk_point_id', '=', pointId).orderBy('seq', 'desc').execute();
  }

  /** Active points of one subject with their current assessment, most dangerous first. */
  async ofSubject(subjectId: string): Promise<{ rows: PointRow[]; current: Map<string, AssessmentRow> }> {
    const rows = await this.base().where('rp.subject_id', '=', subjectId).where('rp.active', '=', true).orderBy('rp.created_at').execute();
    const current = await this.byIds(rows.map((r) => r.current_assessment_id));
    rows.sort((a, b) => (current.get(b.current_assessment_id ?? '')?.value ?? -1) - (current.get(a.current_assessment_id ?? '')?.value ?? -1));
    return { rows, current };
  }
}
