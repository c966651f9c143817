import type { EscalationLevel, RecomputeResult, SetEscalation, SubjectRisk, SubjectRiskDetail, SubjectRiskQuery, VehicleRisk, VehicleRiskQuery } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { conflict, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from '../identity/actor.js';
import { moveType, stepSettings } from './escalation-ladder.js';
import { recomputeRisk, dayInChina } from './recompute.js';
import type { RiskConfigSource } from './risk-config.js';
import { RiskFactsRepository } from './risk-facts.repository.js';
import { toRiskPoint } from './risk-points.repository.js';
import type { RiskPointsService } from './risk-points.service.js';
import { RiskReadRepository, toSubjectRisk } from './risk-read.repository.js';

const DAY_MS = 86_400_000;
/** Who may set a subject's escalation level by hand. */
export const ESCALATION_SETTERS = ['leader', 'admin'] as const;

/**
 * The computed risk level of subjects and vehicles, the escalation ladder and its manual override, and the
 * recompute. A manual level (leader, admin) holds until cleared; while it is set, the recompute makes no automatic
 * move for that subject. Once cleared, the rules take over from the level it left: up at once when their facts
 * call for more, down one step per clean period counted from the clearing.
 */
export class RiskService {
  private readonly read: RiskReadRepository;
  constructor(
    private readonly db: Db,
    private readonly config: RiskConfigSource,
    private readonly points: RiskPointsService,
    readonly now: () => Date = () => new Date(),
  ) {
    this.read = new RiskReadRepository(db);
  }

  async list(actor: Actor, q: SubjectRiskQuery): Promise<{ items: SubjectRisk[]; total: number }> {
    const { rows, total } = await this.read.list({ ...q, visible: visibleOrganisations(actor) });
    return { items: rows.map(toSubjectRisk), total };
  }

  async get(actor: Actor, subjectId: string): Promise<SubjectRiskDetail> {
    const row = await this.read.one(subjectId);
    if (!row || !canSeeOrganisation(actor, row.organisation_id)) throw notFound();
    const cfg = await this.config();
    const now = this.now();
    const [esc, districtId, lastInspectedAt, points, history, moves, created] = await Promise.all([
      this.read.escalation(subjectId),
      new RiskFactsRepository(this.db).districtOrganisationId(),
      this.read.lastInspectedAt(subjectId),
      this.points.repo.ofSubject(subjectId),
      this.read.history(subjectId, dayInChina(new Date(now.getTime() - 90 * DAY_MS))),
      this.read.moves({ visible: undefined, subjectId, limit: 20 }),
      this.db.selectFrom('subjects').select('created_at').where('id', '=', subjectId).executeTakeFirstOrThrow(),
    ]);
    const settings = esc
      ? { supervisorScope: esc.supervisor_scope, supervisorRole: esc.supervisor_role, supervisorOrganisationId: esc.supervisor_organisation_id, inspectionFrequencyDays: esc.inspection_frequency_days, dailyOnlineReview: esc.daily_online_review }
      : stepSettings('none', row.colour, row.department_id, districtId, cfg);
    const due = (lastInspectedAt ?? created.created_at).getTime() + settings.inspectionFrequencyDays * DAY_MS;
    return {
      ...toSubjectRisk(row),
      escalationState: {
        level: esc?.level ?? 'none',
        since: esc?.since.toISOString() ?? null,
        reasons: esc?.reasons ?? [],
        manual: esc?.manual_level && esc.manual_at ? { level: esc.manual_level, reason: esc.manual_reason ?? '', by: esc.manual_by, at: esc.manual_at.toISOString() } : null,
        ...settings,
      },
      lastInspectedAt: lastInspectedAt?.toISOString() ?? null,
      nextInspectionDue: new Date(due).toISOString(),
      riskPoints: points.rows.map((p) => toRiskPoint(p, points.current.get(p.current_assessment_id ?? ''))),
      history: history.map((h) => ({ day: h.day, colour: h.colour, score: h.score })),
      moves,
    };
  }

  /** Sets the level by hand, with the reason; it holds until cleared. */
  async setEscalation(actor: Actor, subjectId: string, input: SetEscalation): Promise<SubjectRiskDetail> {
    const subject = await this.visibleSubject(actor, subjectId);
    requireRole(actor, ESCALATION_SETTERS);
    const cfg = await this.config();
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const prev = await trx.selectFrom('subject_escalations').selectAll().where('subject_id', '=', subjectId).forUpdate().executeTakeFirst();
      const level = await trx.selectFrom('subject_risk_levels').select(['colour', 'score']).where('subject_id', '=', subjectId).executeTakeFirst();
      const from: EscalationLevel = prev?.level ?? 'none';
      const districtId = await new RiskFactsRepository(trx).districtOrganisationId();
      const settings = stepSettings(input.level, level?.colour ?? 'blue', subject.department_id, districtId, cfg);
      const reasons = [{ code: 'manual', label: { 'zh-CN': `人工设定:${input.reason}`, en: `set by hand: ${input.reason}` }, count: 1, evidenceIds: [] }];
      const values = {
        level: input.level,
        since: from === input.level && prev ? prev.since : now,
        clean_since: null,
        listed_since: input.level === 'none' ? null : (prev?.listed_since ?? now),
        score_at_listing: input.level === 'none' ? null : (prev?.score_at_listing ?? level?.score ?? 0),
        reasons: JSON.stringify(reasons),
        manual_level: input.level,
        manual_reason: input.reason,
        manual_by: actor.userId,
        manual_at: now,
        supervisor_scope: settings.supervisorScope,
        supervisor_role: settings.supervisorRole,
        supervisor_organisation_id: settings.supervisorOrganisationId,
        inspection_frequency_days: settings.inspectionFrequencyDays,
        daily_online_review: settings.dailyOnlineReview,
        updated_at: now,
      };
      await trx.insertInto('subject_escalations').values({ subject_id: subjectId, ...values }).onConflict((oc) => oc.column('subject_id').doUpdateSet(values)).execute();
      const type = from === input.level ? 'subject.escalation_override_set' : moveType(from, input.level);
      await appendEvent(trx, {
        entityType: 'subject',
        entityId: subjectId,
        organisationId: subject.organisation_id,
        type,
        actorId: actor.userId,
        at: now,
        payload: { from, to: input.level, reasons, manual: true, reason: input.reason, subjectName: subject.name, subjectType: subject.type, ...settings },
      });
    });
    await recomputeRisk(this.db, now, cfg);
    return this.get(actor, subjectId);
  }

  /** Clears a manual level: the rules take over again at the next recompute (run at once). */
  async clearEscalation(actor: Actor, subjectId: string, reason: string | undefined): Promise<SubjectRiskDetail> {
    const subject = await this.visibleSubject(actor, subjectId);
    requireRole(actor, ESCALATION_SETTERS);
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const prev = await this.read.escalation(subjectId, trx);
      if (!prev?.manual_level) throw conflict({ 'zh-CN': '该检查对象没有人工设定的督办等级', en: 'no manual level is set for this subject' });
      await trx
        .updateTable('subject_escalations')
        .set({ manual_level: null, manual_reason: null, manual_by: null, manual_at: null, clean_since: now, updated_at: now })
        .where('subject_id', '=', subjectId)
        .execute();
      await appendEvent(trx, {
        entityType: 'subject',
        entityId: subjectId,
        organisationId: subject.organisation_id,
        type: 'subject.escalation_override_cleared',
        actorId: actor.userId,
        at: now,
        payload: { level: prev.level, manualLevel: prev.manual_level, reason: reason ?? null, subjectName: subject.name },
      });
    });
    await recomputeRisk(this.db, now, await this.config());
    return this.get(actor, subjectId);
  }

  async vehicles(actor: Actor, q: VehicleRiskQuery): Promise<{ items: VehicleRisk[]; total: number }> {
    const [rows, count] = await this.read.vehicles({ ...q, visible: visibleOrganisations(actor) });
    return {
      items: rows.map((r) => ({
        vehicleId: r.vehicle_id,
        plate: r.plate,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        colour: r.colour,
        score: r.score,
        factors: r.factors,
        dailyOnlineReview: r.daily_online_review,
        computedAt: r.computed_at.toISOString(),
      })),
      total: Number(count.n),
    };
  }

  /** On demand (admin): recompute now and tell what moved. */
  async recompute(actor: Actor): Promise<RecomputeResult> {
    requireRole(actor, ['admin']);
    const started = performance.now();
    const out = await recomputeRisk(this.db, this.now(), await this.config());
    return { ...out, computedAt: out.computedAt.toISOString(), durationMs: Math.round(performance.now() - started) };
  }

  private async visibleSubject(actor: Actor, id: string) {
    const s = await this.db.selectFrom('subjects').select(['id', 'name', 'type', 'organisation_id', 'department_id']).where('id', '=', id).executeTakeFirst();
    if (!s || !canSeeOrganisation(actor, s.organisation_id)) throw notFound();
    return s;
  }
}
