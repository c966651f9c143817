import {
  digest,
  digestPreview,
  idParams,
  inboxPage,
  inboxQuery,
  notificationItem,
  notificationPreferences,
  readAllResult,
  unreadCount,
  updateNotificationPreferences,
} from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { DigestService } from './digest.service.js';
import type { InboxService } from './inbox.service.js';
import type { PreferencesService } from './preferences.service.js';

export interface NotificationRouteDeps {
  inbox: InboxService;
  preferences: PreferencesService;
  digests: DigestService;
}

/** The signed-in user's inbox, preferences and digests; every route acts on the caller's own rows only. */
export function notificationsRoutes(app: FastifyInstance, d: NotificationRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/notifications', { schema: { tags, summary: '通知: my inbox, unread first, then newest', querystring: inboxQuery, response: { 200: inboxPage } } }, async (request) =>
    d.inbox.list(authorize(request), request.query),
  );

  r.get('/api/notifications/unread-count', { schema: { tags, summary: 'Unread items in my inbox, and how many are urgent', response: { 200: unreadCount } } }, async (request) =>
    d.inbox.unreadCount(authorize(request)),
  );

  r.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark every item of my inbox read', response: { 200: readAllResult } } }, async (request) =>
    d.inbox.markAllRead(authorize(request)),
  );

  r.post('/api/notifications/:id/read', { schema: { tags, summary: 'Mark one item read', params: idParams, response: { 200: notificationItem } } }, async (request) =>
    d.inbox.markRead(authorize(request), request.params.id),
  );

  r.get('/api/notifications/preferences', { schema: { tags, summary: 'My notification preferences', response: { 200: notificationPreferences } } }, async (request) =>
    d.preferences.get(authorize(request)),
  );

  r.put('/api/notifications/preferences', {
    schema: { tags, summary: 'Change my preferences: the digest on or off, per category immediate, digest or off', body: updateNotificationPreferences, response: { 200: notificationPreferences } },
  }, async (request) => d.preferences.update(authorize(request), request.body));

  r.get('/api/notifications/digest/preview', { schema: { tags, summary: 'What my daily digest would say now (nothing is sent or used up)', response: { 200: digestPreview } } }, async (request) =>
    d.digests.preview(authorize(request)),
  );

  r.get('/api/notifications/digests/:id', { schema: { tags, summary: 'One of my daily digests', params: idParams, response: { 200: digest } } }, async (request) =>
    d.digests.get(authorize(request), request.params.id),
  );
}
