import { Cron } from 'croner';
import type { Db } from '../../db/client.js';
import type { Channel } from './channels.js';
import { DigestService } from './digest.service.js';
import { NotificationDispatcher } from './dispatcher.js';
import { pruneNotifications } from './retention.js';
import { DIGEST_TIME_ZONE } from './preferences.service.js';
import { WebhookSender } from './webhook-sender.js';

export interface NotificationJobOptions {
  intervalMs: number;
  /** HH:MM in Asia/Shanghai. */
  digestTime: string;
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  webhookAllowPrivate: boolean;
  channels?: readonly Channel[];
  log: (msg: string, err?: unknown) => void;
}

/** The cron pattern of the daily digest at HH:MM (read in Asia/Shanghai). */
export function digestPattern(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}

export interface NotificationJobs {
  dispatcher: NotificationDispatcher;
  sender: WebhookSender;
  digests: DigestService;
  /** Run the dispatcher and the webhook sender now instead of at the next tick. */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The background work of notifications in one process: every intervalMs the dispatcher catches up with the
 * event log and the sender sends what is due; once a day at digestTime (Asia/Shanghai) every user's digest is
 * made, after a last catch-up, and rows older than the retention (retention.ts) are deleted. Ticks never overlap; stop() waits for the one in flight.
 */
export function startNotificationJobs(db: Db, o: NotificationJobOptions): NotificationJobs {
  const dispatcher = new NotificationDispatcher(db, { channels: o.channels ?? [], log: o.log });
  const sender = new WebhookSender(db, { timeoutMs: o.webhookTimeoutMs, maxAttempts: o.webhookMaxAttempts, allowPrivate: o.webhookAllowPrivate, log: o.log });
  const digests = new DigestService(db);
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  const tick = () =>
    (inFlight ??= (async () => {
      try {
        await dispatcher.drain(20);
        await sender.runDue();
      } catch (err) {
        if (!stopped) o.log('notification dispatch failed', err);
      }
    })().finally(() => (inFlight = undefined)));

  const timer = setInterval(() => void tick(), o.intervalMs);
  timer.unref();
  let daily: Promise<void> | undefined;
  const cron = new Cron(digestPattern(o.digestTime), { timezone: DIGEST_TIME_ZONE, protect: true }, () => {
    daily = (async () => {
      try {
        await dispatcher.drain();
        await digests.runAll();
        await pruneNotifications(db, new Date());
      } catch (err) {
        o.log('daily digest failed', err);
      }
    })();
    return daily;
  });
  void tick();

  return {
    dispatcher,
    sender,
    digests,
    kick: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      cron.stop();
      await Promise.all([inFlight, daily]);
    },
  };
}
