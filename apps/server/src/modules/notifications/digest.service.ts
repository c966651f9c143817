import type { Digest, DigestCounts, DigestSection } from '@anlan/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { DigestsTable } from '../../db/tables.js';
import { notFound } from '../../http/errors.js';
import type { Actor } from '../identity/actor.js';
import { inScope, loadRecipients, type Recipient } from './audience.js';
import { buildDigest, dayInChina, digestSeverity, isEmptyDigest, type PendingItem } from './digest-builder.js';
import { deadlinesFor } from './hazard-deadlines.js';

const PENDING_COLUMNS = ['category', 'urgent', 'severity', 'title_zh', 'title_en', 'link', 'entity_type', 'entity_id', 'organisation_id', 'at'] as const;

const toDigest = (r: Selectable<DigestsTable>): Digest => ({
  id: r.id,
  day: r.day,
  periodStart: r.period_start?.toISOString() ?? null,
  periodEnd: r.period_end.toISOString(),
  title: { 'zh-CN': r.title_zh, en: r.title_en },
  counts: r.counts as DigestCounts,
  sections: r.sections as DigestSection[],
});

/**
 * The daily digest: one inbox item per user and day that summarises everything held for it since the last digest
 * (the items the dispatcher wrote for this user, so in the user's scope by construction) and the deadlines that
 * concern the user as they stand. A day with nothing to say makes no digest.
 */
export class DigestService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private pending(db: Db, userId: string) {
    return db.selectFrom('notifications').where('user_id', '=', userId).where('kind', '=', 'event').where('summarised_in', 'is', null);
  }

  private async lastPeriodEnd(db: Db, userId: string): Promise<Date | null> {
    const last = await db.selectFrom('digests').select('period_end').where('user_id', '=', userId).orderBy('period_end', 'desc').limit(1).executeTakeFirst();
    return last?.period_end ?? null;
  }

  /** What the user's digest would say now, without sending it or using anything up. */
  async preview(actor: Actor): Promise<{ digest: Digest; wouldSend: boolean }> {
    const [r] = await loadRecipients(this.db, [actor.userId]);
    const now = this.now();
    const items: PendingItem[] = r ? (await this.pending(this.db, r.id).select(PENDING_COLUMNS).execute()).filter((i) => inScope(r, i.organisation_id)) : [];
    const deadlines = r ? await deadlinesFor(this.db, r, now) : { due: [], overdue: [] };
    const digest = { id: null, ...buildDigest(items, deadlines, now, await this.lastPeriodEnd(this.db, actor.userId)) };
    return { digest, wouldSend: !isEmptyDigest(digest) && (r?.digestEnabled ?? false) };
  }

  /** Makes today's digest for one user; null when there is nothing to say or today's was already made. */
  async deliver(r: Recipient): Promise<string | null> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.now();
      const deadlines = await deadlinesFor(trx, r, now);
      const waiting = await this.pending(trx, r.id).select('id').limit(1).executeTakeFirst();
      if (!waiting && !deadlines.due.length && !deadlines.overdue.length) return null;
      const periodStart = await this.lastPeriodEnd(trx, r.id);
      const created = await trx
        .insertInto('digests')
        .values({ user_id: r.id, day: dayInChina(now), period_start: periodStart, period_end: now, title_zh: '', title_en: '', counts: '{}', sections: '[]' })
        .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!created) return null;
      // Claiming and reading in one statement: an item committed meanwhile is either in this digest or the next.
      const items = await trx
        .updateTable('notifications')
        .set({ summarised_in: created.id })
        .where('user_id', '=', r.id)
        .where('kind', '=', 'event')
        .where('summarised_in', 'is', null)
        .returning(PENDING_COLUMNS)
        .execute();
      // Written in scope; checked again in case the user has since moved to another organisation.
      const d = buildDigest(items.filter((i) => inScope(r, i.organisation_id)), deadlines, now, periodStart);
      if (isEmptyDigest(d)) {
        await trx.deleteFrom('digests').where('id', '=', created.id).execute();
        return null;
      }
      await trx
        .updateTable('digests')
        .set({ title_zh: d.title['zh-CN'], title_en: d.title.en, counts: JSON.stringify(d.counts), sections: JSON.stringify(d.sections) })
        .where('id', '=', created.id)
        .execute();
      await trx
        .insertInto('notifications')
        .values({
          user_id: r.id,
          kind: 'digest',
          digest_id: created.id,
          category: 'digest',
          in_inbox: true,
          urgent: false,
          severity: digestSeverity(d),
          entity_type: 'digest',
          entity_id: created.id,
          organisation_id: null,
          title_zh: d.title['zh-CN'],
          title_en: d.title.en,
          link: `/notifications/digests/${created.id}`,
          at: now,
        })
        .execute();
      return created.id;
    });
  }

  /** The daily run: a digest for every enabled user who wants one. */
  async runAll(): Promise<{ users: number; digests: number }> {
    const users = (await loadRecipients(this.db)).filter((r) => r.digestEnabled);
    let digests = 0;
    for (const r of users) if (await this.deliver(r)) digests++;
    return { users: users.length, digests };
  }

  async get(actor: Actor, id: string): Promise<Digest> {
    const row = await this.db.selectFrom('digests').selectAll().where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!row) throw notFound();
    return toDigest(row);
  }
}
