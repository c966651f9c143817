import { z } from 'zod';
import { instant } from './common.js';
import type { Locale } from './errors.js';
import { unNumber } from './vehicles.js';

/* 电子运单: what a vehicle carries, when, on which approved route (see geo.ts). Instants ISO 8601 UTC. */

export const tripStatuses = ['planned', 'active', 'done', 'cancelled'] as const;
export const tripStatus = z.enum(tripStatuses);
export type TripStatus = z.infer<typeof tripStatus>;
export const tripStatusLabels: Record<TripStatus, Record<Locale, string>> = {
  planned: { 'zh-CN': '待出发', en: 'planned' },
  active: { 'zh-CN': '运输中', en: 'under way' },
  done: { 'zh-CN': '已完成', en: 'done' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

/** Longest planned trip: a cross-country hazmat haul takes days, not weeks. */
export const TRIP_MAX_DAYS = 7;

/** 电子运单 number: letters, digits and dashes, unique within the carrier. */
export const waybillNo = z
  .string()
  .trim()
  .min(4)
  .max(40)
  .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and - only');

export const createTrip = z
  .strictObject({
    vehicleId: z.uuid(),
    waybillNo,
    routeId: z.uuid().optional().describe("an approved route of the vehicle's carrier, or a shared one"),
    cargoUn: unNumber.optional().describe("default: the vehicle's registered cargo"),
    cargoName: z.string().trim().min(1).max(50).optional(),
    loaded: z.boolean().default(true).describe('carries dangerous goods (false: empty run)'),
    plannedStart: instant,
    plannedEnd: instant,
  })
  .refine((t) => Date.parse(t.plannedEnd) > Date.parse(t.plannedStart), {
    message: 'plannedEnd must be after plannedStart',
    path: ['plannedEnd'],
  })
  .refine((t) => Date.parse(t.plannedEnd) - Date.parse(t.plannedStart) <= TRIP_MAX_DAYS * 86_400_000, {
    message: `at most ${TRIP_MAX_DAYS} days after plannedStart`,
    path: ['plannedEnd'],
  });
export type CreateTrip = z.infer<typeof createTrip>;

export const cancelTrip = z.strictObject({ reason: z.string().trim().min(2).max(500).optional() });
export type CancelTrip = z.infer<typeof cancelTrip>;

export const trip = z.object({
  id: z.uuid(),
  vehicleId: z.uuid(),
  plate: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  waybillNo: z.string(),
  routeId: z.uuid().nullable(),
  routeName: z.string().nullable(),
  cargoUn: z.string().nullable(),
  cargoName: z.string().nullable(),
  loaded: z.boolean(),
  plannedStart: instant,
  plannedEnd: instant,
  status: tripStatus,
  createdAt: instant,
});
export type Trip = z.infer<typeof trip>;

export const tripQuery = z.strictObject({
  vehicleId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  status: tripStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TripQuery = z.infer<typeof tripQuery>;
