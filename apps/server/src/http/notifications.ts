import type { FastifyInstance } from 'fastify';
import { DigestService } from '../modules/notifications/digest.service.js';
import { InboxService } from '../modules/notifications/inbox.service.js';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.js';
import { PreferencesService } from '../modules/notifications/preferences.service.js';
import { WebhookSender } from '../modules/notifications/webhook-sender.js';
import { webhooksRoutes } from '../modules/notifications/webhooks.routes.js';
import { WebhooksService } from '../modules/notifications/webhooks.service.js';
import type { AppDeps } from './app.js';

/**
 * Notifications (inbox, preferences, digests) and webhooks. The dispatcher and the timed jobs run from main.ts;
 * these routes only read and change rows. Private webhook receivers are allowed when WEBHOOK_ALLOW_PRIVATE says
 * so, and by default only in demo mode.
 */
export function registerNotifications(app: FastifyInstance, { config, database, demo = false, now }: AppDeps): void {
  const { db } = database;
  const clock = now ?? (() => new Date());
  const allowPrivate = config.webhookAllowPrivate ?? demo;
  const sender = new WebhookSender(db, { timeoutMs: config.webhookTimeoutMs, maxAttempts: config.webhookMaxAttempts, allowPrivate, now: clock, log: (msg) => app.log.warn(msg) });
  notificationsRoutes(app, {
    inbox: new InboxService(db, clock),
    preferences: new PreferencesService(db, config.digestTime, clock),
    digests: new DigestService(db, clock),
  });
  webhooksRoutes(app, new WebhooksService(db, sender, allowPrivate, clock));
}
