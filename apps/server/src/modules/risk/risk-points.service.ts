import { gradeAssessment, type AssessRiskPoint, type CreateRiskPoint, type RiskColour, type RiskPoint, type RiskPointDetail, type UpdateRiskPoint } from '@anlan/contracts';
import type { Updateable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { RiskPointsTable } from '../../db/tables.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { canSeeOrganisation, visibleOrganisations, type Actor } from '../identity/actor.js';
import { colourRank, type RiskConfig, type RiskConfigSource } from './risk-config.js';
import { RiskPointsRepository, toAssessment, toRiskPoint, type AssessmentRow, type PointRow } from './risk-points.repository.js';

/** Regulator staff who identify and grade risk points anywhere. */
export const RISK_WRITERS = ['admin', 'inspector', 'leader'] as const;

/**
 * 风险点 and their LEC / LS assessments.
 * Who may write: admin, inspector and leader anywhere; an enterprise user for the subjects of its own organisation
 * (风险辨识 and 自评 are the enterprise's own duty). An enterprise's self-assessment is kept in the history and
 * becomes the point's current grading only when it is at least as severe as the one in force: an enterprise may
 * raise, never lower, a regulator's grading. Retiring a point is for regulator writers only. Everyone else reads
 * within their scope; other organisations' points answer 404.
 */
export class RiskPointsService {
  readonly repo: RiskPointsRepository;
  constructor(
    private readonly db: Db,
    private readonly config: RiskConfigSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new RiskPointsRepository(db);
  }

  async list(actor: Actor, q: { subjectId?: string | undefined; colour?: RiskColour | undefined; active: boolean; limit: number; offset: number }): Promise<{ items: RiskPoint[]; total: number }> {
    const { rows, total } = await this.repo.list({ ...q, visible: visibleOrganisations(actor) });
    const current = await this.repo.byIds(rows.map((r) => r.current_assessment_id));
    return { items: rows.map((r) => toRiskPoint(r, current.get(r.current_assessment_id ?? ''))), total };
  }

  async get(actor: Actor, id: string): Promise<RiskPointDetail> {
    const p = await this.visible(actor, id);
    const history = await this.repo.history(id);
    return { ...toRiskPoint(p, history.find((a) => a.id === p.current_assessment_id)), history: history.map(toAssessment) };
  }

  async create(actor: Actor, input: CreateRiskPoint): Promise<RiskPointDetail> {
    this.requireWriter(actor);
    const subject = await this.db.selectFrom('subjects').select(['id', 'organisation_id']).where('id', '=', input.subjectId).executeTakeFirst();
    // Another organisation's subject reads as missing, as everywhere: no existence leak.
    if (!subject || !canSeeOrganisation(actor, subject.organisation_id)) {
      throw badRequest({ 'zh-CN': '检查对象不存在', en: 'subjectId: no such subject' }, [{ path: 'body.subjectId', code: 'not_found', message: 'no such subject' }]);
    }
    const cfg = input.assessment ? await this.config() : undefined;
    const now = this.now();
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('risk_points')
        .values({
          subject_id: subject.id,
          name: input.name,
          location: input.location ?? null,
          description: input.description ?? null,
          hazard_factors: input.hazardFactors,
          controls: input.controls,
          responsible_person: input.responsiblePerson ?? null,
          contact_phone: input.contactPhone ?? null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEvent(trx, {
        entityType: 'risk_point',
        entityId: row.id,
        organisationId: subject.organisation_id,
        type: 'risk_point.created',
        actorId: actor.userId,
        at: now,
        payload: { subjectId: subject.id, name: input.name, hazardFactors: input.hazardFactors, controls: input.controls },
      });
      if (input.assessment && cfg) {
        const p = (await this.repo.lock(trx, row.id))!;
        await this.insertAssessment(trx, actor, p, input.assessment, cfg, now);
      }
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateRiskPoint): Promise<RiskPointDetail> {
    this.requireWriter(actor);
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const p = await this.visible(actor, id, trx);
      const patch: Updateable<RiskPointsTable> = { updated_at: now };
      if (input.name !== undefined) patch.name = input.name;
      if (input.location !== undefined) patch.location = input.location;
      if (input.description !== undefined) patch.description = input.description;
      if (input.hazardFactors !== undefined) patch.hazard_factors = input.hazardFactors;
      if (input.controls !== undefined) patch.controls = input.controls;
      if (input.responsiblePerson !== undefined) patch.responsible_person = input.responsiblePerson;
      if (input.contactPhone !== undefined) patch.contact_phone = input.contactPhone;
      await trx.updateTable('risk_points').set(patch).where('id', '=', id).execute();
      await appendEvent(trx, { entityType: 'risk_point', entityId: id, organisationId: p.organisation_id, type: 'risk_point.updated', actorId: actor.userId, at: now, payload: { changes: input } });
    });
    return this.get(actor, id);
  }

  /** Retires a point (it no longer counts towards the subject's level); its history stays. */
  async deactivate(actor: Actor, id: string): Promise<RiskPointDetail> {
    if (!isWriter(actor)) {
      // An enterprise learns nothing about other organisations' points: 404 there, 403 on its own.
      if (actor.role === 'enterprise') await this.visible(actor, id);
      throw forbidden();
    }
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const p = await this.visible(actor, id, trx);
      if (!p.active) return;
      await trx.updateTable('risk_points').set({ active: false, updated_at: now }).where('id', '=', id).execute();
      await appendEvent(trx, { entityType: 'risk_point', entityId: id, organisationId: p.organisation_id, type: 'risk_point.deactivated', actorId: actor.userId, at: now, payload: { name: p.name } });
    });
    return this.get(actor, id);
  }

  async assess(actor: Actor, id: string, input: AssessRiskPoint): Promise<RiskPointDetail> {
    this.requireWriter(actor);
    const cfg = await this.config();
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const p = await this.visible(actor, id, trx);
      if (!p.active) {
        throw badRequest({ 'zh-CN': '风险点已停用,不能评估', en: 'the risk point is retired and cannot be assessed' }, [{ path: 'params.id', code: 'inactive', message: 'retired risk point' }]);
      }
      await this.insertAssessment(trx, actor, p, input, cfg, now);
    });
    return this.get(actor, id);
  }

  private async insertAssessment(trx: Db, actor: Actor, p: PointRow, input: AssessRiskPoint, cfg: RiskConfig, now: Date) {
    const g = gradeAssessment(input, cfg);
    const self = actor.role === 'enterprise';
    const row = await trx
      .insertInto('risk_assessments')
      .values({
        risk_point_id: p.id,
        method: input.method,
        l: input.l,
        e: input.method === 'lec' ? input.e : null,
        c: input.method === 'lec' ? input.c : null,
        s: input.method === 'ls' ? input.s : null,
        value: g.value,
        band: g.band,
        colour: g.colour,
        self_assessment: self,
        note: input.note ?? null,
        assessed_by: actor.userId,
        assessed_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const current = p.current_assessment_id ? (await this.repo.byIds([p.current_assessment_id], trx)).get(p.current_assessment_id) : undefined;
    const becomesCurrent = takesOver(row, current);
    if (becomesCurrent) await trx.updateTable('risk_points').set({ current_assessment_id: row.id, updated_at: now }).where('id', '=', p.id).execute();
    await appendEvent(trx, {
      entityType: 'risk_point',
      entityId: p.id,
      organisationId: p.organisation_id,
      type: 'risk_point.assessed',
      actorId: actor.userId,
      at: now,
      payload: { assessmentId: row.id, ...input, value: g.value, band: g.band, colour: g.colour, selfAssessment: self, current: becomesCurrent, previousColour: current?.colour ?? null },
    });
  }

  private requireWriter(actor: Actor) {
    if (actor.role !== 'enterprise' && !isWriter(actor)) throw forbidden();
  }

  private async visible(actor: Actor, id: string, db: Db = this.db): Promise<PointRow> {
    const p = db === this.db ? await this.repo.find(id) : await this.repo.lock(db, id);
    if (!p || !canSeeOrganisation(actor, p.organisation_id)) throw notFound();
    return p;
  }
}

const isWriter = (actor: Actor) => (RISK_WRITERS as readonly string[]).includes(actor.role);

/** A regulator's assessment always takes over; a self-assessment only over another self-assessment or a milder-or-equal regulator grading. */
export function takesOver(next: Pick<AssessmentRow, 'self_assessment' | 'colour'>, current: Pick<AssessmentRow, 'self_assessment' | 'colour'> | undefined): boolean {
  if (!next.self_assessment || !current || current.self_assessment) return true;
  return colourRank[next.colour] >= colourRank[current.colour];
}
