import { z } from 'zod';
import { instant } from './common.js';

export const health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});
export type Health = z.infer<typeof health>;

export const domainEvent = z.object({
  id: z.number().int(),
  at: instant,
  actorId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  type: z.string(),
  payload: z.unknown(),
  hash: z.string(),
});
export type DomainEvent = z.infer<typeof domainEvent>;

export const eventQuery = z.strictObject({
  entityType: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(100).optional(),
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const chainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type ChainVerification = z.infer<typeof chainVerification>;
