import { z } from 'zod';
import { instant } from './common.js';
import { latitude, longitude, subjectType } from './subjects.js';

export const checklistItem = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  category: z.string(),
  text: z.string(),
  clause: z.string().nullable(),
  major: z.boolean(),
  requiresPhotoOnFail: z.boolean(),
  requiresNoteOnFail: z.boolean(),
});
export const checklist = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  subjectTypes: z.array(subjectType),
  catalogue: z.string().nullable(),
  publishedAt: instant,
  items: z.array(checklistItem),
});
export type Checklist = z.infer<typeof checklist>;

export const createChecklist = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{3,40}$/),
  name: z.string().trim().min(2).max(100),
  subjectTypes: z.array(subjectType).min(1),
  catalogue: z.string().trim().max(200).optional(),
  items: z
    .array(
      z.strictObject({
        category: z.string().trim().min(1).max(50),
        text: z.string().trim().min(2).max(500),
        clause: z.string().trim().max(200).optional(),
        major: z.boolean().default(false),
        requiresPhotoOnFail: z.boolean().default(true),
        requiresNoteOnFail: z.boolean().default(true),
      }),
    )
    .min(1)
    .max(300),
});
export type CreateChecklist = z.infer<typeof createChecklist>;

export const campaign = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  subjectTypes: z.array(subjectType),
  departmentId: z.uuid().nullable(),
  inspectorIds: z.array(z.uuid()),
  createdAt: instant,
});
export type Campaign = z.infer<typeof campaign>;

export const createCampaign = z
  .strictObject({
    name: z.string().trim().min(2).max(100),
    description: z.string().trim().max(2000).optional(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    subjectTypes: z.array(subjectType).min(1),
    departmentId: z.uuid().optional(),
    inspectorIds: z.array(z.uuid()).max(200).default([]),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'endsOn must not be before startsOn' });
export type CreateCampaign = z.infer<typeof createCampaign>;

export const answerResult = z.enum(['pass', 'fail', 'na']);

/** A failed answer that should be tracked becomes a hazard: level and risk colour may be set by the inspector. */
export const createInspection = z.strictObject({
  campaignId: z.uuid().optional(),
  subjectId: z.uuid(),
  checklistId: z.uuid(),
  inspectedAt: instant,
  lat: latitude.optional(),
  lon: longitude.optional(),
  inspectorIds: z.array(z.uuid()).min(1).max(20),
  note: z.string().trim().max(2000).optional(),
  leaflets: z.number().int().min(0).max(10000).default(0),
  answers: z
    .array(
      z.strictObject({
        itemId: z.uuid(),
        result: answerResult,
        note: z.string().trim().max(1000).optional(),
        fileIds: z.array(z.uuid()).max(20).default([]),
        /** For a failed item: how the hazard it raises is recorded (defaults come from the item). */
        hazard: z
          .strictObject({
            description: z.string().trim().min(2).max(1000).optional(),
            location: z.string().trim().max(200).optional(),
            fixedOnSpot: z.boolean().default(false),
            afterFileIds: z.array(z.uuid()).max(20).default([]),
          })
          .optional(),
      }),
    )
    .min(1)
    .max(300),
});
export type CreateInspection = z.infer<typeof createInspection>;

export const inspection = z.object({
  id: z.uuid(),
  campaignId: z.uuid().nullable(),
  subjectId: z.uuid(),
  checklistId: z.uuid().nullable(),
  inspectedAt: instant,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  inspectorIds: z.array(z.uuid()),
  note: z.string().nullable(),
  hazardIds: z.array(z.uuid()),
});
export type Inspection = z.infer<typeof inspection>;
