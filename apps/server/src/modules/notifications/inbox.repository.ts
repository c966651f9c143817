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

  /**
   * visible: the organisations the user may see now (undefined: all). Items were scoped when written; this check
   * again at read time keeps them in scope even if the user has since moved to another organisation.
   */
  private inbox(userId: string, visible: string[] | undefined) {
    let q = this.db.selectFrom('notifications').where('user_id', '=', userId).where('in_inbox', '=', true);
    if (visible) {
      q = q.where((eb) => eb.or([eb('kind', '=', 'digest'), ...(visible.length ? [eb('organisation_id', 'in', visible)] : [])]));
    }
    return q;
  }

  async list(userId: string, visible: string[] | undefined, q: { limit: number; offset: number; unread?: boolean | undefined }) {
    let base = this.inbox(userId, visible);
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

  async unread(userId: string, visible: string[] | undefined): Promise<{ unread: number; urgent: number }> {
    const r = await this.inbox(userId, visible)
      .where('read_at', 'is', null)
      .select((eb) => [eb.fn.countAll<number>().as('unread'), eb.fn.count<number>('id').filterWhere('urgent', '=', true).as('urgent')])
      .executeTakeFirstOrThrow();
    return { unread: Number(r.unread), urgent: Number(r.urgent) };
  }

  async markRead(userId: string, visible: string[] | undefined, id: string, at: Date): Promise<NotificationRow | undefined> {
    const row = await this.inbox(userId, visible).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.read_at) return row;
    await this.db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).execute();
    return { ...row, read_at: at };
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const r = await this.db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('in_inbox', '=', true).where('read_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
