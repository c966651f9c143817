import { z } from 'zod';
import { instant, page } from './common.js';
import { locale } from './identity.js';
import type { Locale } from './errors.js';

/**
 * What a notification is about, for preferences. Urgent categories (red / escalation) are pushed at once;
 * the others wait for the daily digest unless the user asks otherwise.
 */
export const notificationCategories = [
  'major_hazard',
  'escalation',
  'critical_alarm',
  'hazard',
  'notice',
  'case',
  'alarm',
  'risk',
  'inspection',
  'public_report',
] as const;
export const notificationCategory = z.enum(notificationCategories);
export type NotificationCategory = z.infer<typeof notificationCategory>;

export const urgentCategories: readonly NotificationCategory[] = ['major_hazard', 'escalation', 'critical_alarm'];

export const notificationCategoryLabels: Record<NotificationCategory, Record<Locale, string>> = {
  major_hazard: { 'zh-CN': '重大隐患', en: 'Major hazards' },
  escalation: { 'zh-CN': '升级督办', en: 'Escalations' },
  critical_alarm: { 'zh-CN': '紧急报警', en: 'Critical alarms' },
  hazard: { 'zh-CN': '隐患整改', en: 'Hazard rectification' },
  notice: { 'zh-CN': '整改通知', en: 'Notices' },
  case: { 'zh-CN': '立案查处', en: 'Enforcement cases' },
  alarm: { 'zh-CN': '车辆报警', en: 'Vehicle alarms' },
  risk: { 'zh-CN': '风险分级', en: 'Risk grading' },
  inspection: { 'zh-CN': '检查记录', en: 'Inspections' },
  public_report: { 'zh-CN': '群众举报', en: 'Public reports' },
};

/** immediate: inbox item at once (and the user's channels); digest: only in the daily digest; off: nothing. */
export const notificationMode = z.enum(['immediate', 'digest', 'off']);
export type NotificationMode = z.infer<typeof notificationMode>;

export const notificationSeverity = z.enum(['info', 'warning', 'serious', 'critical']);
export type NotificationSeverity = z.infer<typeof notificationSeverity>;

/** A text in both languages; the client shows the one of its locale. */
export const localisedText = z.object({ 'zh-CN': z.string(), en: z.string() });
export type LocalisedText = z.infer<typeof localisedText>;

export const notificationItem = z.object({
  id: z.uuid(),
  kind: z.enum(['event', 'digest']),
  category: z.union([notificationCategory, z.literal('digest')]),
  urgent: z.boolean(),
  severity: notificationSeverity,
  entityType: z.string(),
  entityId: z.string(),
  organisationId: z.uuid().nullable(),
  title: localisedText,
  /** Where the web app shows the entity, e.g. /hazards/:id. */
  link: z.string().nullable(),
  eventId: z.number().int().nullable(),
  digestId: z.uuid().nullable(),
  at: instant,
  readAt: instant.nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const inboxQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(30),
  offset: z.coerce.number().int().min(0).default(0),
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const inboxPage = page(notificationItem).extend({ unread: z.number().int() });
export type InboxPage = z.infer<typeof inboxPage>;
export const unreadCount = z.object({ unread: z.number().int(), urgent: z.number().int() });
export const readAllResult = z.object({ updated: z.number().int() });

export const digestEntry = z.object({
  title: localisedText,
  link: z.string().nullable(),
  severity: notificationSeverity,
  entityType: z.string(),
  entityId: z.string(),
  at: instant,
});
export type DigestEntry = z.infer<typeof digestEntry>;

export const digestSectionKey = z.enum(['escalated', 'overdue', 'due', 'new']);
export type DigestSectionKey = z.infer<typeof digestSectionKey>;
export const digestSection = z.object({
  key: digestSectionKey,
  title: localisedText,
  count: z.number().int(),
  byCategory: z.record(z.string(), z.number().int()),
  /** The most pressing few; the count says how many there are in all. */
  top: z.array(digestEntry),
});
export type DigestSection = z.infer<typeof digestSection>;

export const digestCounts = z.object({ escalated: z.number().int(), overdue: z.number().int(), due: z.number().int(), new: z.number().int() });
export type DigestCounts = z.infer<typeof digestCounts>;

export const digest = z.object({
  id: z.uuid().nullable(),
  /** The day in China (Asia/Shanghai) the digest is for. */
  day: z.string(),
  periodStart: instant.nullable(),
  periodEnd: instant,
  title: localisedText,
  counts: digestCounts,
  sections: z.array(digestSection),
});
export type Digest = z.infer<typeof digest>;
export const digestPreview = z.object({ digest, wouldSend: z.boolean() });

export const categoryPreference = z.object({
  mode: notificationMode,
  defaultMode: notificationMode,
  urgent: z.boolean(),
  /** Locked categories cannot be changed by this user (urgent items for leaders). */
  locked: z.boolean(),
});
export const notificationPreferences = z.object({
  digestEnabled: z.boolean(),
  /** HH:MM wall-clock time of the daily digest, one for everybody (DIGEST_TIME). */
  digestTime: z.string(),
  timeZone: z.string(),
  /** The user's own language, which notifications sent outside the app use. */
  locale,
  categories: z.record(notificationCategory, categoryPreference),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const updateNotificationPreferences = z.strictObject({
  digestEnabled: z.boolean().optional(),
  categories: z.partialRecord(notificationCategory, notificationMode).optional(),
});
export type UpdateNotificationPreferences = z.infer<typeof updateNotificationPreferences>;

/** 'hazard.found', 'hazard.*', 'alarm.*' or '*'. */
export const webhookEventPattern = z
  .string()
  .trim()
  .regex(/^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/, "an event type such as 'hazard.found', a prefix such as 'hazard.*', or '*'");

export const createWebhook = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2000),
  description: z.string().trim().max(200).optional(),
  eventTypes: z.array(webhookEventPattern).min(1).max(50),
  /** Only events of this organisation are sent; unset sends the whole district's. */
  organisationId: z.uuid().nullable().optional(),
  active: z.boolean().default(true),
  /** The signing secret; generated when not given. */
  secret: z.string().min(16).max(200).optional(),
});
export type CreateWebhook = z.infer<typeof createWebhook>;

export const updateWebhook = z.strictObject({
  url: createWebhook.shape.url.optional(),
  description: z.string().trim().max(200).nullable().optional(),
  eventTypes: z.array(webhookEventPattern).min(1).max(50).optional(),
  organisationId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  /** true: a new secret is generated and returned once. */
  rotateSecret: z.boolean().optional(),
});
export type UpdateWebhook = z.infer<typeof updateWebhook>;

export const webhookEndpoint = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.string()),
  organisationId: z.uuid().nullable(),
  active: z.boolean(),
  /** The secret's last characters, to tell secrets apart; the whole secret is shown only when made. */
  secretHint: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;
/** As made: the only answer that carries the whole secret (and an update that rotated it). */
export const webhookEndpointWithSecret = webhookEndpoint.extend({ secret: z.string() });
export const webhookEndpointUpdated = webhookEndpoint.extend({ secret: z.string().optional() });

export const webhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export const webhookAttempt = z.object({
  attempt: z.number().int(),
  at: instant,
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  nextAttemptAt: instant.nullable(),
  manual: z.boolean(),
});
export const webhookDelivery = z.object({
  id: z.uuid(),
  endpointId: z.uuid(),
  eventId: z.number().int().nullable(),
  eventType: z.string(),
  status: webhookDeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: instant.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: instant,
  attemptLog: z.array(webhookAttempt),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export const webhookDeliveryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: webhookDeliveryStatus.optional(),
});
export const webhookDeliveryParams = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });

/** The JSON body of every webhook request: the event as recorded in the log. */
export const webhookEventBody = z.object({
  id: z.number().int(),
  type: z.string(),
  at: instant,
  entity: z.object({ type: z.string(), id: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  payload: z.unknown(),
});
export type WebhookEventBody = z.infer<typeof webhookEventBody>;
