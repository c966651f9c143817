import { sql } from 'kysely';
import type { Db } from '../../db/client.js';

/**
 * How long notification rows are kept. The event log is the record (it is never pruned here); the inbox, the
 * digests and the webhook deliveries are working copies of it, and without a limit they grow by thousands of rows
 * a day (every monitor gets every alarm).
 */
export const NOTIFICATION_RETENTION = {
  /** Inbox items and digests: half a year, longer than any hazard's deadline and its re-check. */
  notificationDays: 180,
  /** Finished webhook deliveries (succeeded or given up) and their attempts: a month, to answer "did you send it?". */
  deliveryDays: 30,
} as const;

export interface Pruned {
  notifications: number;
  digests: number;
  deliveries: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes what is older than the retention: notifications by their time, digests by their day's end (their own
 * inbox items go with them), finished deliveries by their last update. Pending deliveries are never pruned.
 * Runs once a day after the digests; safe to run any time and repeatedly.
 */
export async function pruneNotifications(db: Db, now: Date, keep = NOTIFICATION_RETENTION): Promise<Pruned> {
  const notificationsBefore = new Date(now.getTime() - keep.notificationDays * DAY_MS);
  const deliveriesBefore = new Date(now.getTime() - keep.deliveryDays * DAY_MS);
  return db.transaction().execute(async (trx) => {
    const notifications = await trx.deleteFrom('notifications').where('kind', '=', 'event').where('at', '<', notificationsBefore).executeTakeFirst();
    const digests = await trx.deleteFrom('digests').where('period_end', '<', notificationsBefore).executeTakeFirst();
    const deliveries = await trx
      .deleteFrom('webhook_deliveries')
      .where('status', 'in', ['succeeded', 'failed'])
      .where(sql<boolean>`coalesce(updated_at, created_at) < ${deliveriesBefore}`)
      .executeTakeFirst();
    return {
      notifications: Number(notifications.numDeletedRows),
      digests: Number(digests.numDeletedRows),
      deliveries: Number(deliveries.numDeletedRows),
    };
  });
}
