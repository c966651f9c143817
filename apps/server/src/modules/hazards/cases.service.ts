import type { EnforcementCase } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { nextSerial, yearInChina } from '../../db/serials.js';
import { badRequest, HttpError, notFound } from '../../http/errors.js';
import { appendEvents } from '../events/event-log.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from '../identity/actor.js';
import type { HazardsService } from './hazards.service.js';

/** 立案查处: an enforcement case runs beside the hazards it concerns; it never closes them. */
export class CasesService {
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardsService,
    private readonly numberPrefix: string,
  ) {}

  async open(actor: Actor, input: { subjectId: string; hazardIds: string[]; summary: string }): Promise<EnforcementCase> {
    requireRole(actor, ['enforcement', 'leader', 'admin']);
    const now = this.hazards.now();
    const subject = await this.db.selectFrom('subjects').select(['id', 'organisation_id']).where('id', '=', input.subjectId).executeTakeFirst();
    if (!subject) throw badRequest({ 'zh-CN': '检查对象不存在', en: 'body.subjectId: no such subject' }, [{ path: 'body.subjectId', code: 'not_found', message: 'no such subject' }]);
    const hazardIds = [...new Set(input.hazardIds)];
    const id = await this.db.transaction().execute(async (trx) => {
      const hs = [];
      for (const hid of hazardIds) {
        const h = await this.hazards.visible(actor, hid, trx).catch(() => {
          throw badRequest({ 'zh-CN': `隐患不存在:${hid}`, en: `body.hazardIds: no such hazard ${hid}` }, [{ path: 'body.hazardIds', code: 'not_found', message: hid }]);
        });
        if (h.subject_id !== subject.id) throw badRequest({ 'zh-CN': '隐患不属于该检查对象', en: `body.hazardIds: ${hid} belongs to another subject` }, [{ path: 'body.hazardIds', code: 'mixed_subjects', message: hid }]);
        this.hazards.assertAllowed(h, 'open_case', actor);
        hs.push(h);
      }
      const year = yearInChina(now);
      const serial = await nextSerial(trx, 'case', year);
      const number = `${this.numberPrefix}立〔${year}〕${serial}号`;
      const c = await trx
        .insertInto('cases')
        .values({
          number,
          subject_id: subject.id,
          organisation_id: subject.organisation_id,
          campaign_id: hs[0]?.campaign_id ?? null,
          summary: input.summary,
          opened_at: now,
          opened_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (hazardIds.length) await trx.insertInto('case_hazards').values(hazardIds.map((hazard_id) => ({ case_id: c.id, hazard_id }))).execute();
      await appendEvents(trx, [
        { entityType: 'case', entityId: c.id, organisationId: subject.organisation_id, type: 'case.opened', actorId: actor.userId, at: now, payload: { number, summary: input.summary, hazardIds } },
        ...hs.map((h) => ({ entityType: 'hazard', entityId: h.id, organisationId: h.organisation_id, type: 'hazard.open_case', actorId: actor.userId, at: now, payload: { caseId: c.id, number } })),
      ]);
      return c.id;
    });
    return this.get(actor, id);
  }

  async close(actor: Actor, id: string, decision: string): Promise<EnforcementCase> {
    requireRole(actor, ['enforcement', 'leader', 'admin']);
    const now = this.hazards.now();
    await this.db.transaction().execute(async (trx) => {
      const c = await trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!c) throw notFound();
      if (c.status === 'closed') throw new HttpError(409, 'illegal_transition', { 'zh-CN': '案件已结案', en: 'The case is already closed' });
      await trx.updateTable('cases').set({ status: 'closed', decision, closed_at: now }).where('id', '=', id).execute();
      await appendEvents(trx, [{ entityType: 'case', entityId: id, organisationId: c.organisation_id, type: 'case.closed', actorId: actor.userId, at: now, payload: { decision } }]);
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<EnforcementCase> {
    const c = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c || !canSeeOrganisation(actor, c.organisation_id)) throw notFound();
    const hazards = await this.db.selectFrom('case_hazards').select('hazard_id').where('case_id', '=', id).execute();
    return {
      id: c.id,
      number: c.number,
      subjectId: c.subject_id,
      organisationId: c.organisation_id,
      campaignId: c.campaign_id,
      summary: c.summary,
      status: c.status,
      decision: c.decision,
      openedAt: c.opened_at.toISOString(),
      closedAt: c.closed_at?.toISOString() ?? null,
      hazardIds: hazards.map((h) => h.hazard_id),
    };
  }

  async list(actor: Actor) {
    let q = this.db.selectFrom('cases').select('id');
    const visible = visibleOrganisations(actor);
    if (visible) q = visible.length ? q.where('organisation_id', 'in', visible) : q.where('id', 'is', null);
    const rows = await q.orderBy('opened_at', 'desc').limit(500).execute();
    return Promise.all(rows.map((r) => this.get(actor, r.id)));
  }
}
