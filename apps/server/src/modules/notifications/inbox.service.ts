import type { InboxPage, NotificationItem } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { visibleOrganisations, type Actor } from '../identity/actor.js';
import { InboxRepository, toNotificationItem } from './inbox.repository.js';

/** The signed-in user's own inbox; another user's item answers 404. */
export class InboxService {
  private readonly repo: InboxRepository;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new InboxRepository(db);
  }

  async list(actor: Actor, q: { limit: number; offset: number; unread?: boolean | undefined }): Promise<InboxPage> {
    const [{ rows, total }, counts] = await Promise.all([this.repo.list(actor.userId, visibleOrganisations(actor), q), this.repo.unread(actor.userId, visibleOrganisations(actor))]);
    return { items: rows.map(toNotificationItem), total, limit: q.limit, offset: q.offset, unread: counts.unread };
  }

  unreadCount(actor: Actor) {
    return this.repo.unread(actor.userId, visibleOrganisations(actor));
  }

  async markRead(actor: Actor, id: string): Promise<NotificationItem> {
    const row = await this.repo.markRead(actor.userId, visibleOrganisations(actor), id, this.now());
    if (!row) throw notFound();
    return toNotificationItem(row);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    return { updated: await this.repo.markAllRead(actor.userId, this.now()) };
  }
}
