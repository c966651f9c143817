import type { Campaign, CreateCampaign } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { badRequest, notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { requireRole, type Actor } from '../identity/actor.js';

/** 专项检查: a campaign over subject types, a period and a team of inspectors. */
export class CampaignsService {
  constructor(private readonly db: Db) {}

  async list(): Promise<Campaign[]> {
    const rows = await this.db.selectFrom('campaigns').select('id').orderBy('starts_on', 'desc').execute();
    return Promise.all(rows.map((r) => this.get(r.id)));
  }

  async get(id: string): Promise<Campaign> {
    const c = await this.db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound();
    const inspectors = await this.db.selectFrom('campaign_inspectors').select('user_id').where('campaign_id', '=', id).execute();
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      subjectTypes: c.subject_types,
      departmentId: c.department_id,
      inspectorIds: inspectors.map((i) => i.user_id),
      createdAt: c.created_at.toISOString(),
    };
  }

  async create(actor: Actor | null, input: CreateCampaign): Promise<Campaign> {
    if (actor) requireRole(actor, ['admin', 'leader']);
    if (input.inspectorIds.length) {
      const found = await this.db.selectFrom('users').select('id').where('id', 'in', input.inspectorIds).where('role', 'in', ['inspector', 'enforcement', 'leader', 'admin']).execute();
      const missing = input.inspectorIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) {
        throw badRequest({ 'zh-CN': '检查人员不存在', en: `inspectorIds: not inspectors: ${missing.join(', ')}` }, [
          { path: 'body.inspectorIds', code: 'not_found', message: `not inspectors: ${missing.join(', ')}` },
        ]);
      }
    }
    const id = await this.db.transaction().execute(async (trx) => {
      const c = await trx
        .insertInto('campaigns')
        .values({
          name: input.name,
          description: input.description,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          subject_types: input.subjectTypes,
          department_id: input.departmentId,
          created_by: actor?.userId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.inspectorIds.length) {
        await trx.insertInto('campaign_inspectors').values(input.inspectorIds.map((user_id) => ({ campaign_id: c.id, user_id }))).execute();
      }
      await appendEvent(trx, { entityType: 'campaign', entityId: c.id, type: 'campaign.created', actorId: actor?.userId ?? null, payload: { name: input.name } });
      return c.id;
    });
    return this.get(id);
  }
}
