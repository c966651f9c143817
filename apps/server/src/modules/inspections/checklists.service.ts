import type { Checklist, CreateChecklist } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { requireRole, type Actor } from '../identity/actor.js';

/**
 * Checklists are versioned data: publishing under an existing code makes a new version, and
 * inspections keep pointing at the version they were answered against.
 */
export class ChecklistsService {
  constructor(private readonly db: Db) {}

  /** The newest version of every checklist. */
  async listLatest(): Promise<Checklist[]> {
    const heads = await this.db
      .selectFrom('checklists as c')
      .select('c.id')
      .where(({ eb, selectFrom }) =>
        eb('c.version', '=', selectFrom('checklists as c2').select((e) => e.fn.max('c2.version').as('v')).whereRef('c2.code', '=', 'c.code')),
      )
      .orderBy('c.code')
      .execute();
    return Promise.all(heads.map((h) => this.get(h.id)));
  }

  async get(id: string): Promise<Checklist> {
    const c = await this.db.selectFrom('checklists').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound();
    const items = await this.db.selectFrom('checklist_items').selectAll().where('checklist_id', '=', id).orderBy('seq').execute();
    return {
      id: c.id,
      code: c.code,
      version: c.version,
      name: c.name,
      subjectTypes: c.subject_types,
      catalogue: c.catalogue,
      publishedAt: c.published_at.toISOString(),
      items: items.map((i) => ({
        id: i.id,
        seq: i.seq,
        category: i.category,
        text: i.text,
        clause: i.clause,
        major: i.major,
        requiresPhotoOnFail: i.requires_photo_on_fail,
        requiresNoteOnFail: i.requires_note_on_fail,
      })),
    };
  }

  async publish(actor: Actor | null, input: CreateChecklist): Promise<Checklist> {
    if (actor) requireRole(actor, ['admin']);
    const id = await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('checklists').select((e) => e.fn.max('version').as('v')).where('code', '=', input.code).executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const c = await trx
        .insertInto('checklists')
        .values({ code: input.code, version, name: input.name, subject_types: input.subjectTypes, catalogue: input.catalogue })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('checklist_items')
        .values(
          input.items.map((item, i) => ({
            checklist_id: c.id,
            seq: i + 1,
            category: item.category,
            text: item.text,
            clause: item.clause,
            major: item.major,
            requires_photo_on_fail: item.requiresPhotoOnFail,
            requires_note_on_fail: item.requiresNoteOnFail,
          })),
        )
        .execute();
      await appendEvent(trx, {
        entityType: 'checklist',
        entityId: c.id,
        type: 'checklist.published',
        actorId: actor?.userId ?? null,
        payload: { code: input.code, version, items: input.items.length },
      });
      return c.id;
    });
    return this.get(id);
  }
}
