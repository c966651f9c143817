import type { CreateInspection, Inspection } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import type { FilesService } from '../files/files.service.js';
import { canSeeOrganisation, requireRole, type Actor } from '../identity/actor.js';
import type { HazardsService } from '../hazards/hazards.service.js';

const invalid = (path: string, zh: string, en: string) => badRequest({ 'zh-CN': zh, en: `${path}: ${en}` }, [{ path, code: 'invalid', message: en }]);

/**
 * An inspection answers a checklist at a subject. Every failed item becomes a hazard in the closed loop;
 * a failed item requires its photo and note, as the checklist says, and a major one can only leave the
 * loop through a notice.
 */
export class InspectionsService {
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardsService,
    private readonly files: FilesService,
  ) {}

  async create(actor: Actor, input: CreateInspection): Promise<Inspection> {
    requireRole(actor, ['inspector', 'enforcement', 'admin', 'leader']);
    const subject = await this.db.selectFrom('subjects').selectAll().where('id', '=', input.subjectId).executeTakeFirst();
    if (!subject) throw invalid('body.subjectId', '检查对象不存在', 'no such subject');
    const checklist = await this.db.selectFrom('checklists').selectAll().where('id', '=', input.checklistId).executeTakeFirst();
    if (!checklist) throw invalid('body.checklistId', '检查表不存在', 'no such checklist');
    if (!checklist.subject_types.includes(subject.type)) throw invalid('body.checklistId', '检查表不适用于该类检查对象', `not for subjects of type ${subject.type}`);
    if (input.campaignId && !(await this.db.selectFrom('campaigns').select('id').where('id', '=', input.campaignId).executeTakeFirst())) {
      throw invalid('body.campaignId', '专项检查不存在', 'no such campaign');
    }
    const inspectors = await this.db.selectFrom('users').select('id').where('id', 'in', input.inspectorIds).where('role', 'in', ['inspector', 'enforcement', 'admin', 'leader']).execute();
    if (inspectors.length !== new Set(input.inspectorIds).size) throw invalid('body.inspectorIds', '检查人员不存在', 'not all are inspectors');

    const items = await this.db.selectFrom('checklist_items').selectAll().where('checklist_id', '=', checklist.id).execute();
    const seen = new Set<string>();
    for (const [i, a] of input.answers.entries()) {
      const path = `body.answers.${i}`;
      const item = items.find((it) => it.id === a.itemId);
      if (!item) throw invalid(`${path}.itemId`, '检查项不属于该检查表', 'not an item of this checklist');
      if (seen.has(a.itemId)) throw invalid(`${path}.itemId`, '检查项重复作答', 'answered twice');
      seen.add(a.itemId);
      if (a.result !== 'fail') continue;
      if (item.requires_photo_on_fail && a.fileIds.length === 0) throw invalid(`${path}.fileIds`, `不合格项「${item.text}」须附照片`, 'a failed item requires a photo');
      if (item.requires_note_on_fail && !a.note) throw invalid(`${path}.note`, `不合格项「${item.text}」须填写说明`, 'a failed item requires a note');
      if (a.hazard?.fixedOnSpot) {
        if (item.major) throw invalid(`${path}.hazard.fixedOnSpot`, '重大隐患不能现场整改销号,须下达整改通知', 'a major hazard needs a notice, not a fix on the spot');
        if (!a.hazard.afterFileIds.length) throw invalid(`${path}.hazard.afterFileIds`, '现场整改须附整改后照片', 'a fix on the spot requires an after photo');
      }
      await this.files.requireUsable(actor, a.fileIds, `${path}.fileIds`, { images: true });
      await this.files.requireUsable(actor, a.hazard?.afterFileIds ?? [], `${path}.hazard.afterFileIds`, { images: true });
    }

    const id = await this.db.transaction().execute(async (trx) => {
      const inspectedAt = new Date(input.inspectedAt);
      const ins = await trx
        .insertInto('inspections')
        .values({
          campaign_id: input.campaignId ?? null,
          subject_id: subject.id,
          checklist_id: checklist.id,
          organisation_id: subject.organisation_id,
          inspected_at: inspectedAt,
          lat: input.lat ?? null,
          lon: input.lon ?? null,
          note: input.note ?? null,
          leaflets: input.leaflets,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('inspection_inspectors').values([...new Set(input.inspectorIds)].map((user_id) => ({ inspection_id: ins.id, user_id }))).execute();
      await trx
        .insertInto('inspection_answers')
        .values(input.answers.map((a) => ({ inspection_id: ins.id, item_id: a.itemId, result: a.result, note: a.note ?? null, file_ids: a.fileIds })))
        .execute();
      await appendEvent(trx, {
        entityType: 'inspection',
        entityId: ins.id,
        organisationId: subject.organisation_id,
        type: 'inspection.recorded',
        actorId: actor.userId,
        at: inspectedAt,
        payload: { subjectId: subject.id, checklistId: checklist.id, campaignId: input.campaignId, inspectorIds: input.inspectorIds, failed: input.answers.filter((a) => a.result === 'fail').length },
      });
      for (const a of input.answers.filter((x) => x.result === 'fail')) {
        const item = items.find((it) => it.id === a.itemId)!;
        const h = await this.hazards.insert(trx, actor.userId, {
          source: 'inspection',
          campaign_id: input.campaignId ?? null,
          inspection_id: ins.id,
          subject_id: subject.id,
          subject_type: subject.type,
          organisation_id: subject.organisation_id,
          department_id: subject.department_id,
          level: item.major ? 'major' : 'general',
          category: item.category,
          description: a.hazard?.description ?? (a.note ? `${item.text}:${a.note}` : item.text),
          location: a.hazard?.location ?? subject.address,
          lat: input.lat ?? subject.lat,
          lon: input.lon ?? subject.lon,
          checklist_item_id: item.id,
          clause: item.clause,
          catalogue: checklist.catalogue,
          risk_colour: item.major ? 'red' : 'yellow',
          found_at: inspectedAt,
        });
        await this.hazards.repo.attachFiles(trx, h.id, a.fileIds, 'before');
        if (a.hazard?.fixedOnSpot) {
          await this.hazards.repo.attachFiles(trx, h.id, a.hazard.afterFileIds, 'after');
          await trx.updateTable('hazards').set({ status: 'closed', closed_at: inspectedAt, updated_at: inspectedAt }).where('id', '=', h.id).execute();
          await appendEvent(trx, {
            entityType: 'hazard',
            entityId: h.id,
            organisationId: h.organisation_id,
            type: 'hazard.fix_on_spot',
            actorId: actor.userId,
            at: inspectedAt,
            payload: { from: 'found', to: 'closed', note: a.note, afterFileIds: a.hazard.afterFileIds },
          });
        }
      }
      return ins.id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Inspection> {
    const i = await this.db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!i || !canSeeOrganisation(actor, i.organisation_id)) throw notFound();
    const [inspectors, hazards] = await Promise.all([
      this.db.selectFrom('inspection_inspectors').select('user_id').where('inspection_id', '=', id).execute(),
      this.db.selectFrom('hazards').select('id').where('inspection_id', '=', id).orderBy('code').execute(),
    ]);
    return {
      id: i.id,
      campaignId: i.campaign_id,
      subjectId: i.subject_id,
      checklistId: i.checklist_id,
      inspectedAt: i.inspected_at.toISOString(),
      lat: i.lat,
      lon: i.lon,
      inspectorIds: inspectors.map((x) => x.user_id),
      note: i.note,
      hazardIds: hazards.map((h) => h.id),
    };
  }
}
