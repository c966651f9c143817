import {
  hazardActionLabels,
  hazardStatusLabels,
  type CreateHazard,
  type Hazard,
  type HazardAction,
  type HazardDetail,
  type HazardStatus,
  type HazardTransition,
  type LedgerExportQuery,
  type LedgerQuery,
  type TreatmentPlan,
} from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { nextSerial, yearInChina } from '../../db/serials.js';
import type { HazardsTable } from '../../db/tables.js';
import type { Insertable, Updateable } from 'kysely';
import { badRequest, forbidden, HttpError, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { toStoredFile, type FilesService } from '../files/files.service.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from '../identity/actor.js';
import { allowedActions, refusal, statusAfter } from './hazard-lifecycle.js';
import { HazardsRepository, toHazard, type HazardWithSubject } from './hazards.repository.js';

const DAY_MS = 86_400_000;

export interface HazardsConfig {
  majorAcceptanceDays: number;
}

export function illegalTransition(status: HazardStatus, action: HazardAction) {
  return new HttpError(409, 'illegal_transition', {
    'zh-CN': `隐患当前状态为「${hazardStatusLabels[status]['zh-CN']}」,不能${hazardActionLabels[action]['zh-CN']}`,
    en: `The hazard is ${hazardStatusLabels[status].en}: cannot ${hazardActionLabels[action].en}`,
  });
}

export const mustBeFuture = (value: string, path: string, now: Date) => {
  if (new Date(value).getTime() <= now.getTime()) {
    throw badRequest({ 'zh-CN': '期限必须晚于当前时间', en: `${path}: must lie in the future` }, [{ path, code: 'past', message: 'must lie in the future' }]);
  }
};

/** The hazard and every move along its closed loop. */
export class HazardsService {
  readonly repo: HazardsRepository;
  constructor(
    private readonly db: Db,
    private readonly files: FilesService,
    private readonly config: HazardsConfig,
    readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new HazardsRepository(db);
  }

  /** A hazard the actor may see, or 404 (also for other organisations' hazards: no existence leak). */
  async visible(actor: Actor, id: string, db: Db = this.db): Promise<HazardWithSubject> {
    const h = db === this.db ? await this.repo.findById(id) : await this.repo.lockById(db, id);
    if (!h || !canSeeOrganisation(actor, h.organisation_id)) throw notFound();
    return h;
  }

  async get(actor: Actor, id: string): Promise<HazardDetail> {
    const h = await this.visible(actor, id);
    const [files, plan, notices, cases] = await Promise.all([this.repo.files(id), this.repo.plan(id), this.repo.notices(id), this.repo.caseIds(id)]);
    return {
      ...toHazard(h, this.now()),
      files: files.map((f) => ({ ...toStoredFile(f), role: f.role, addedAt: f.added_at.toISOString() })),
      plan: plan
        ? { goals: plan.goals, measures: plan.measures, funding: plan.funding, organisation: plan.organisation, timeline: plan.timeline, safetyMeasures: plan.safety_measures }
        : null,
      notices: notices.map((n) => ({ id: n.id, kind: n.kind, number: n.number, deadline: n.deadline.toISOString(), issuedAt: n.issued_at.toISOString() })),
      caseIds: cases.map((c) => c.case_id),
      allowedActions: allowedActions(h, actor.role),
    };
  }

  async list(actor: Actor, q: LedgerQuery): Promise<{ items: Hazard[]; total: number; totalCapped: boolean }> {
    const now = this.now();
    const { rows, total, totalCapped } = await this.repo.ledgerPage({ ...q, visible: visibleOrganisations(actor) }, now);
    return { items: rows.map((r) => toHazard(r, now)), total, totalCapped };
  }

  exportRows(actor: Actor, q: LedgerExportQuery) {
    return this.repo.ledgerStream({ ...q, visible: visibleOrganisations(actor) }, this.now());
  }

  async create(actor: Actor, input: CreateHazard): Promise<HazardDetail> {
    requireRole(actor, ['inspector', 'enforcement', 'admin']);
    const subject = await this.db.selectFrom('subjects').selectAll().where('id', '=', input.subjectId).executeTakeFirst();
    if (!subject) throw badRequest({ 'zh-CN': '检查对象不存在', en: 'subjectId: no such subject' }, [{ path: 'body.subjectId', code: 'not_found', message: 'no such subject' }]);
    await this.files.requireUsable(actor, input.beforeFileIds, 'body.beforeFileIds', { images: true });
    const id = await this.db.transaction().execute(async (trx) => {
      const h = await this.insert(trx, actor.userId, {
        source: 'inspection',
        campaign_id: input.campaignId ?? null,
        subject_id: subject.id,
        subject_type: subject.type,
        organisation_id: subject.organisation_id,
        department_id: subject.department_id,
        level: input.level,
        category: input.category,
        description: input.description,
        location: input.location ?? subject.address,
        lat: input.lat ?? subject.lat,
        lon: input.lon ?? subject.lon,
        clause: input.clause ?? null,
        catalogue: input.catalogue ?? null,
        risk_colour: input.riskColour ?? (input.level === 'major' ? 'red' : 'yellow'),
        found_at: input.foundAt ? new Date(input.foundAt) : this.now(),
      });
      await this.repo.attachFiles(trx, h.id, input.beforeFileIds, 'before');
      return h.id;
    });
    return this.get(actor, id);
  }

  /** Records a new hazard inside the caller's transaction (inspections, public reports and alarms use it too). */
  async insert(
    trx: Db,
    actorId: string | null,
    v: Omit<Insertable<HazardsTable>, 'code' | 'status' | 'found_by'> & { found_at: Date },
  ) {
    const year = yearInChina(v.found_at);
    const code = `YH${year}-${String(await nextSerial(trx, 'hazard', year)).padStart(6, '0')}`;
    const row = await trx
      .insertInto('hazards')
      .values({ ...v, code, status: 'found', found_by: actorId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      entityType: 'hazard',
      entityId: row.id,
      organisationId: row.organisation_id,
      type: 'hazard.found',
      actorId,
      at: v.found_at,
      payload: { code, level: row.level, category: row.category, description: row.description, subjectId: row.subject_id, source: row.source },
    });
    return row;
  }

  async savePlan(actor: Actor, id: string, plan: TreatmentPlan): Promise<HazardDetail> {
    await this.db.transaction().execute(async (trx) => {
      const h = await this.visible(actor, id, trx);
      this.assertAllowed(h, 'edit_plan', actor);
      const values = {
        goals: plan.goals,
        measures: plan.measures,
        funding: plan.funding,
        organisation: plan.organisation,
        timeline: plan.timeline,
        safety_measures: plan.safetyMeasures,
        updated_by: actor.userId,
        updated_at: this.now(),
      };
      await trx
        .insertInto('treatment_plans')
        .values({ hazard_id: id, ...values })
        .onConflict((oc) => oc.column('hazard_id').doUpdateSet(values))
        .execute();
      await appendEvent(trx, { entityType: 'hazard', entityId: id, organisationId: h.organisation_id, type: 'hazard.plan_saved', actorId: actor.userId, payload: { plan } });
    });
    return this.get(actor, id);
  }

  assertAllowed(h: HazardWithSubject, action: HazardAction, actor: Actor): void {
    const why = refusal(h, action, actor.role);
    if (why === 'role') throw forbidden();
    if (why === 'level') {
      throw new HttpError(409, 'illegal_transition', {
        'zh-CN': `${h.level === 'major' ? '重大' : '一般'}隐患不能${hazardActionLabels[action]['zh-CN']}`,
        en: `A ${h.level} hazard cannot ${hazardActionLabels[action].en}`,
      });
    }
    if (why === 'status') throw illegalTransition(h.status, action);
  }

  async transition(actor: Actor, id: string, t: HazardTransition): Promise<HazardDetail> {
    const now = this.now();
    if (t.action === 'recheck_fail') mustBeFuture(t.newDeadline, 'body.newDeadline', now);
    if (t.action === 'submit') {
      await this.files.requireUsable(actor, t.afterFileIds, 'body.afterFileIds', { images: true });
      await this.files.requireUsable(actor, t.acceptanceFileIds, 'body.acceptanceFileIds');
    }
    if (t.action === 'fix_on_spot') await this.files.requireUsable(actor, t.afterFileIds, 'body.afterFileIds', { images: true });
    if (t.action === 'recheck_pass') await this.files.requireUsable(actor, t.fileIds, 'body.fileIds', { images: true });

    await this.db.transaction().execute(async (trx) => {
      const h = await this.visible(actor, id, trx);
      this.assertAllowed(h, t.action, actor);
      const to = statusAfter(h, t.action);
      const patch: Updateable<HazardsTable> = { status: to, updated_at: now };
      const payload: Record<string, unknown> = { from: h.status, to };
      if (to === 'closed') patch.closed_at = now;
      switch (t.action) {
        case 'start_rectifying':
          payload.note = t.note;
          break;
        case 'submit':
          if (h.level === 'major') {
            if (!(await this.repo.plan(id, trx))) {
              throw badRequest({ 'zh-CN': '重大隐患须先提交治理方案(六项内容)', en: 'plan: a major hazard needs its six-part treatment plan first' }, [
                { path: 'plan', code: 'required', message: 'treatment plan required' },
              ]);
            }
            if (!t.acceptanceFileIds.length) {
              throw badRequest({ 'zh-CN': '重大隐患须附验收报告', en: 'body.acceptanceFileIds: a major hazard needs an acceptance report' }, [
                { path: 'body.acceptanceFileIds', code: 'required', message: 'acceptance report required' },
              ]);
            }
            patch.acceptance_due_at = new Date(now.getTime() + this.config.majorAcceptanceDays * DAY_MS);
          }
          await this.repo.attachFiles(trx, id, t.afterFileIds, 'after');
          await this.repo.attachFiles(trx, id, t.acceptanceFileIds, 'acceptance');
          Object.assign(payload, { description: t.description, afterFileIds: t.afterFileIds, acceptanceFileIds: t.acceptanceFileIds });
          break;
        case 'recheck_pass':
          await this.repo.attachFiles(trx, id, t.fileIds, 'recheck');
          Object.assign(payload, { note: t.note, fileIds: t.fileIds });
          break;
        case 'recheck_fail':
          patch.recheck_failures = h.recheck_failures + 1;
          patch.deadline = new Date(t.newDeadline);
          patch.acceptance_due_at = null;
          Object.assign(payload, { reason: t.reason, newDeadline: t.newDeadline, failures: h.recheck_failures + 1 });
          break;
        case 'close':
          payload.note = t.note;
          payload.signedOffBy = actor.userId;
          break;
        case 'fix_on_spot':
          if ((await this.repo.countFiles(id, 'before', trx)) === 0) {
            throw badRequest({ 'zh-CN': '现场整改须有整改前照片', en: 'a fix on the spot needs a before photo on the hazard' }, [
              { path: 'beforeFileIds', code: 'required', message: 'before photo required' },
            ]);
          }
          await this.repo.attachFiles(trx, id, t.afterFileIds, 'after');
          Object.assign(payload, { note: t.note, afterFileIds: t.afterFileIds });
          break;
        case 'void':
          if (t.duplicateOf) {
            if (t.duplicateOf === id) throw badRequest({ 'zh-CN': '不能与自身重复', en: 'body.duplicateOf: cannot be the hazard itself' }, [{ path: 'body.duplicateOf', code: 'self', message: 'cannot be itself' }]);
            await this.visible(actor, t.duplicateOf).catch(() => {
              throw badRequest({ 'zh-CN': '重复的隐患不存在', en: 'body.duplicateOf: no such hazard' }, [{ path: 'body.duplicateOf', code: 'not_found', message: 'no such hazard' }]);
            });
          }
          Object.assign(payload, { reason: t.reason, duplicateOf: t.duplicateOf });
          break;
        case 'set_escalation':
          if (t.level === h.escalation) throw new HttpError(409, 'conflict', { 'zh-CN': '督办等级未变化', en: `escalation is already ${t.level}` });
          patch.escalation = t.level;
          Object.assign(payload, { escalationFrom: h.escalation, escalationTo: t.level, reason: t.reason });
          break;
      }
      await trx.updateTable('hazards').set(patch).where('id', '=', id).execute();
      await appendEvent(trx, { entityType: 'hazard', entityId: id, organisationId: h.organisation_id, type: `hazard.${t.action}`, actorId: actor.userId, at: now, payload });
    });
    return this.get(actor, id);
  }
}
