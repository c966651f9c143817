import { z } from 'zod';
import { instant } from './common.js';

export const subjectTypes = ['construction_site', 'residential_estate', 'household', 'chemical_enterprise', 'hazmat_carrier', 'public_place'] as const;
export const subjectType = z.enum(subjectTypes);
export type SubjectType = z.infer<typeof subjectType>;

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);

export const subject = z.object({
  id: z.uuid(),
  type: subjectType,
  name: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  organisationId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  responsiblePerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  createdAt: instant,
});
export type Subject = z.infer<typeof subject>;

export const createSubject = z.strictObject({
  type: subjectType,
  name: z.string().trim().min(2).max(100),
  address: z.string().trim().max(200).optional(),
  lat: latitude.optional(),
  lon: longitude.optional(),
  organisationId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  parentId: z.uuid().optional(),
  responsiblePerson: z.string().trim().max(50).optional(),
  contactPhone: z.string().regex(/^[0-9+\- ]{5,20}$/).optional(),
});
export type CreateSubject = z.infer<typeof createSubject>;

export const subjectQuery = z.strictObject({
  type: subjectType.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
