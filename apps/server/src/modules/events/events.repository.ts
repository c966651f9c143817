import { sql } from 'kysely';
import type { Db } from '../../db/client.js';

export class EventsRepository {
  constructor(private readonly db: Db) {}

  list(filter: { visible: string[] | undefined; entityType?: string | undefined; entityId?: string | undefined; afterId: number; limit: number }) {
    let q = this.db.selectFrom('events').selectAll().where('id', '>', filter.afterId);
    if (filter.visible) {
      q = filter.visible.length ? q.where('organisation_id', 'in', filter.visible) : q.where(sql<boolean>`false`);
    }
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    return q.orderBy('id').limit(filter.limit).execute();
  }
}
