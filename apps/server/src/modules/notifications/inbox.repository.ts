import type { NotificationItem } from '@anlan/contracts';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { NotificationsTable } from '../../db/tables.js';

export type NotificationRow = Selectable<NotificationsTable>;

export const toNotificationItem = (r: NotificationRow): NotificationItem => ({
  id: r.id,
  kind: r.kind,
  category: r.category as NotificationItem['category'],
  urgent: r.urgent,
  severity: r.severity,
  entityType: r.entity_type,
  entityId: r.entity_id,
  organisationId: r.organisation_id,
  title: { 'zh-CN': r.title_zh, en: r.title_en },
  link: r.link,
  eventId: r.event_id,
  digestId: r.digest_id,
  at: r.at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** A user's inbox: pushed items and digests. Every query is keyed by the user, so nobody reads another's. */
export class InboxRepository {
  constructor(private readonly db: Db) {}

  private inbox(userId: string) {
    return this.db.selectFrom('notifications').where('user_id', '=', userId).where('in_inbox', '=', true);
  }

  async list(userId: string, q: { limit: number; offset: number; unread?: boolean | undefined }) {
    let base = this.inbox(userId);
    if (q.unread !== undefined) base = base.where('read_at', q.unread ? 'is' : 'is not', null);
    const [rows, total] = await Promise.all([
      base
        .selectAll()
        // Unread first, then newest first.
        .orderBy(sql`read_at is null`, 'desc')
        .orderBy('at', 'desc')
        .orderBy('id')
        .limit(q.limit)
        .offset(q.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  }

  async unread(userId: string): Promise<{ unread: number; urgent: number }> {
    const r = await this.inbox(userId)
      .where('read_at', 'is', null)
      .select((eb) => [eb.fn.countAll<number>().as('unread'), eb.fn.count<number>('id').filterWhere('urgent', '=', true).as('urgent')])
      .executeTakeFirstOrThrow();
    return { unread: Number(r.unread), urgent: Number(r.urgent) };
  }

  async markRead(userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
    await this.db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).where('in_inbox', '=', true).where('read_at', 'is', null).execute();
    return this.inbox(userId).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const r = await this.db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('in_inbox', '=', true).where('read_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
