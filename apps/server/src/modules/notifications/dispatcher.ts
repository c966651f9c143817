import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { EventRow, NotificationsTable, WebhookDeliveriesTable } from '../../db/tables.js';
import { loadRecipients, recipientsFor, type Recipient } from './audience.js';
import type { Channel, ChannelMessage } from './channels.js';
import { classify } from './classification.js';
import { loadEventContext } from './event-context.js';
import { effectiveMode } from './preference-rules.js';
import { endpointWants, webhookBody } from './webhook-events.js';

export const CURSOR = 'notifications';

export interface DispatcherOptions {
  now?: () => Date;
  batchSize?: number;
  channels?: readonly Channel[];
  /** An urgent event older than this when dispatched (a backlog after an outage, replayed history) waits for the digest. */
  staleAfterMs?: number;
  log?: (msg: string, err?: unknown) => void;
  /** Test seam: runs inside the batch transaction after the items are written, before the cursor moves. */
  beforeCommit?: (events: readonly EventRow[]) => void | Promise<void>;
}

export interface BatchResult {
  events: number;
  items: number;
  deliveries: number;
  lastEventId: number;
}

const CHUNK = 500;

/** Moves the cursor by hand (operations, tests): the next batch starts after eventId. Items are never doubled. */
export async function setCursor(db: Db, eventId: number): Promise<void> {
  await db
    .insertInto('notification_cursors')
    .values({ name: CURSOR, last_event_id: eventId })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_event_id: eventId, updated_at: new Date() }))
    .execute();
}

/**
 * The consumer of the event log: reads events after its cursor in id order, and for each writes the users' items
 * (pushed or held for the digest) and the webhook deliveries, then moves the cursor — all in one transaction, so
 * a crash mid-batch leaves nothing half done and the batch is simply read again. The cursor row is locked for the
 * batch: dispatchers in several processes take turns. (user, event) and (endpoint, event) are unique, so even a
 * cursor moved back by hand never doubles an item.
 */
export class NotificationDispatcher {
  private readonly now: () => Date;
  private readonly batchSize: number;
  private running: Promise<BatchResult> | undefined;

  constructor(
    private readonly db: Db,
    private readonly opts: DispatcherOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.batchSize = opts.batchSize ?? 200;
  }

  /** One batch; concurrent calls in this process share the one in flight. */
  runBatch(): Promise<BatchResult> {
    this.running ??= this.batch().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Batches until the log is caught up (or maxBatches ran); returns the totals. */
  async drain(maxBatches = Number.POSITIVE_INFINITY): Promise<BatchResult> {
    const total: BatchResult = { events: 0, items: 0, deliveries: 0, lastEventId: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const r = await this.runBatch();
      total.events += r.events;
      total.items += r.items;
      total.deliveries += r.deliveries;
      total.lastEventId = r.lastEventId;
      if (r.events < this.batchSize) break;
    }
    return total;
  }

  private async batch(): Promise<BatchResult> {
    const pushed: ChannelMessage[] = [];
    const result = await this.db.transaction().execute(async (trx) => {
      const cursor = await sql<{ last_event_id: number }>`
        select last_event_id from notification_cursors where name = ${CURSOR} for update`.execute(trx);
      if (!cursor.rows.length) {
        // First run: two processes may race to make the row; the loser waits on it and reads it.
        await trx.insertInto('notification_cursors').values({ name: CURSOR, last_event_id: 0 }).onConflict((oc) => oc.column('name').doNothing()).execute();
        cursor.rows.push(...(await sql<{ last_event_id: number }>`select last_event_id from notification_cursors where name = ${CURSOR} for update`.execute(trx)).rows);
      }
      const after = Number(cursor.rows[0]?.last_event_id ?? 0);
      const events = await trx.selectFrom('events').selectAll().where('id', '>', after).orderBy('id').limit(this.batchSize).execute();
      if (!events.length) return { events: 0, items: 0, deliveries: 0, lastEventId: after };

      const now = this.now();
      const ctx = await loadEventContext(trx, events);
      const users = await loadRecipients(trx);
      const endpoints = await trx.selectFrom('webhook_endpoints').select(['id', 'active', 'event_types', 'organisation_id', 'after_event_id']).where('active', '=', true).execute();
      const items: Insertable<NotificationsTable>[] = [];
      const deliveries: Insertable<WebhookDeliveriesTable>[] = [];
      const locales = new Map<string, Recipient>();
      for (const e of events) {
        const entity = ctx.entity(e);
        const c = classify(e, entity);
        if (c) {
          const stale = now.getTime() - e.at.getTime() > (this.opts.staleAfterMs ?? 24 * 3600_000);
          for (const r of recipientsFor(c, e, entity, users)) {
            const mode = effectiveMode(r.role, c.category, r.overrides);
            if (mode === 'off') continue;
            locales.set(r.id, r);
            items.push({
              user_id: r.id,
              kind: 'event',
              event_id: e.id,
              category: c.category,
              in_inbox: mode === 'immediate' && !stale,
              urgent: c.urgent,
              severity: c.severity,
              entity_type: e.entity_type,
              entity_id: e.entity_id,
              organisation_id: e.organisation_id,
              title_zh: c.title['zh-CN'],
              title_en: c.title.en,
              link: c.link,
              at: e.at,
            });
          }
        }
        const wanted = endpoints.filter((ep) => endpointWants(ep, e));
        if (wanted.length) {
          const body = webhookBody(e, ctx.organisationName(e.organisation_id));
          for (const ep of wanted) deliveries.push({ endpoint_id: ep.id, event_id: e.id, event_type: e.type, body, next_attempt_at: now, created_at: now });
        }
      }
      let written = 0;
      for (let i = 0; i < items.length; i += CHUNK) {
        const rows = await trx
          .insertInto('notifications')
          .values(items.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['user_id', 'event_id']).doNothing())
          .returning(['id', 'user_id', 'in_inbox', 'urgent', 'category', 'severity', 'title_zh', 'title_en', 'link', 'at'])
          .execute();
        written += rows.length;
        for (const n of rows.filter((x) => x.in_inbox)) {
          const locale = locales.get(n.user_id)?.locale ?? 'zh-CN';
          pushed.push({ notificationId: n.id, userId: n.user_id, locale, category: n.category as ChannelMessage['category'], severity: n.severity, urgent: n.urgent, title: locale === 'en' ? n.title_en : n.title_zh, link: n.link, at: n.at });
        }
      }
      let queued = 0;
      for (let i = 0; i < deliveries.length; i += CHUNK) {
        const rows = await trx
          .insertInto('webhook_deliveries')
          .values(deliveries.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
          .returning('id')
          .execute();
        queued += rows.length;
      }
      await this.opts.beforeCommit?.(events);
      const lastEventId = events[events.length - 1]!.id;
      await trx.updateTable('notification_cursors').set({ last_event_id: lastEventId, updated_at: now }).where('name', '=', CURSOR).execute();
      return { events: events.length, items: written, deliveries: queued, lastEventId };
    });
    await this.fanOut(pushed);
    return result;
  }

  private async fanOut(messages: ChannelMessage[]): Promise<void> {
    const channels = this.opts.channels ?? [];
    for (const m of messages) {
      for (const ch of channels) {
        await ch.deliver(m).catch((err: unknown) => this.opts.log?.(`notification channel ${ch.name} failed for ${m.notificationId}`, err));
      }
    }
  }
}
