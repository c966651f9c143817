import type { CreateSubject, Subject } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { SubjectRow } from '../../db/tables.js';
import { badRequest, notFound } from '../../http/errors.js';
import { canSeeOrganisation, requireRole, visibleOrganisations, type Actor } from '../identity/actor.js';
import { appendEvent } from '../events/event-log.js';

export const toSubject = (r: SubjectRow): Subject => ({
  id: r.id,
  type: r.type,
  name: r.name,
  address: r.address,
  lat: r.lat,
  lon: r.lon,
  organisationId: r.organisation_id,
  departmentId: r.department_id,
  parentId: r.parent_id,
  responsiblePerson: r.responsible_person,
  contactPhone: r.contact_phone,
  createdAt: r.created_at.toISOString(),
});

/** 检查对象: building sites, estates and households, enterprises and carriers. */
export class SubjectsService {
  constructor(private readonly db: Db) {}

  async list(actor: Actor, q: { type?: Subject['type'] | undefined; q?: string | undefined; limit: number; offset: number }) {
    let query = this.db.selectFrom('subjects');
    const visible = visibleOrganisations(actor);
    if (visible) query = visible.length ? query.where('organisation_id', 'in', visible) : query.where(sql<boolean>`false`);
    if (q.type) query = query.where('type', '=', q.type);
    if (q.q) query = query.where('name', 'like', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('type').orderBy('name').limit(q.limit).offset(q.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toSubject), total: Number(count.n) };
  }

  async get(actor: Actor, id: string): Promise<Subject> {
    const row = await this.db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !canSeeOrganisation(actor, row.organisation_id)) throw notFound();
    return toSubject(row);
  }

  /** `actor` null: the demo seed. */
  async create(actor: Actor | null, input: CreateSubject): Promise<Subject> {
    if (actor) requireRole(actor, ['admin', 'inspector', 'enforcement', 'leader']);
    for (const [field, id] of [['organisationId', input.organisationId], ['departmentId', input.departmentId]] as const) {
      if (id && !(await this.db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst())) {
        throw badRequest({ 'zh-CN': '单位不存在', en: `${field}: no such organisation` }, [{ path: `body.${field}`, code: 'not_found', message: 'no such organisation' }]);
      }
    }
    if (input.parentId && !(await this.db.selectFrom('subjects').select('id').where('id', '=', input.parentId).executeTakeFirst())) {
      throw badRequest({ 'zh-CN': '上级检查对象不存在', en: 'parentId: no such subject' }, [{ path: 'body.parentId', code: 'not_found', message: 'no such subject' }]);
    }
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('subjects')
        .values({
          type: input.type,
          name: input.name,
          address: input.address,
          lat: input.lat,
          lon: input.lon,
          organisation_id: input.organisationId,
          department_id: input.departmentId,
          parent_id: input.parentId,
          responsible_person: input.responsiblePerson,
          contact_phone: input.contactPhone,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendEvent(trx, {
        entityType: 'subject',
        entityId: row.id,
        organisationId: row.organisation_id,
        type: 'subject.created',
        actorId: actor?.userId ?? null,
        payload: { type: row.type, name: row.name },
      });
      return toSubject(row);
    });
  }
}
