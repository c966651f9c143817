import { z } from 'zod';
import { instant } from './common.js';

export const roles = ['admin', 'leader', 'inspector', 'enforcement', 'monitor', 'enterprise', 'public'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Roles that work for the regulator and may see every organisation's records. */
export const regulatorRoles: readonly Role[] = ['admin', 'leader', 'inspector', 'enforcement', 'monitor'];

export const organisationKinds = ['government', 'department', 'enterprise', 'community'] as const;
export const organisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKind>;

export const organisation = z.object({
  id: z.uuid(),
  kind: organisationKind,
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  parentId: z.uuid().nullable(),
  createdAt: instant,
});
export type Organisation = z.infer<typeof organisation>;

/** 统一社会信用代码: 18 characters of digits and capital letters (no I, O, S, V, Z). */
export const creditCode = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'not a valid 统一社会信用代码');

export const createOrganisation = z.strictObject({
  kind: organisationKind,
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().min(1).max(30).optional(),
  creditCode: creditCode.optional(),
  parentId: z.uuid().optional(),
});
export type CreateOrganisation = z.infer<typeof createOrganisation>;

export const username = z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore only');
export const password = z.string().min(10, 'at least 10 characters').max(200);
export const locale = z.enum(['zh-CN', 'en']);

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role,
  organisationId: z.uuid().nullable(),
  phone: z.string().nullable(),
  locale,
  disabled: z.boolean(),
  createdAt: instant,
});
export type User = z.infer<typeof user>;

export const createUser = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(50),
  role,
  organisationId: z.uuid().optional(),
  password,
  phone: z.string().regex(/^[0-9+\- ]{5,20}$/).optional(),
  locale: locale.optional(),
});
export type CreateUser = z.infer<typeof createUser>;

export const loginRequest = z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof loginRequest>;

export const me = z.object({ user, organisation: organisation.nullable() });
export type Me = z.infer<typeof me>;
