import { lecBand, riskColour, type RiskColour } from '@anlan/contracts';
import { z } from 'zod';
import type { Db } from '../../db/client.js';

const days = z.int().min(1).max(3650);
const points = z.int().min(0).max(1000);
const perEach = z.strictObject({ each: points, max: points });
const byColour = <T extends z.ZodType>(t: T) => z.strictObject({ red: t, orange: t, yellow: t, blue: t });
const descending = (v: Record<string, number>, keys: string[]) => keys.every((k, i) => i === 0 || v[keys[i - 1]!]! > v[k]!);

const step = z.strictObject({
  /** Who supervises: the subject's department, or the district (its top government body). */
  supervisor: z.enum(['department', 'district']),
  /** The role that supervises there (shown on the page; notifications use it). */
  supervisorRole: z.enum(['inspector', 'enforcement', 'leader', 'admin']),
  /** Inspect at least this often; the colour's frequency applies when it is stricter. null: the colour's alone. */
  inspectionDays: days.nullable(),
  /** The subject's vehicles (a carrier's fleet) are on daily online review. */
  dailyOnlineReview: z.boolean(),
});

/**
 * Everything the risk grading decides by, as one run-time setting (key 'risk'). Thresholds read as written:
 * `above` is exclusive (D > 160 is red, D = 160 is not), `atLeast` inclusive.
 */
export const riskConfig = z.strictObject({
  lec: z.strictObject({
    /** D above this value falls in the band: > 320 extreme, > 160 high, > 70 significant, > 20 general, else acceptable. */
    above: z
      .strictObject({ extreme: z.number().positive(), high: z.number().positive(), significant: z.number().positive(), general: z.number().positive() })
      .refine((v) => descending(v, ['extreme', 'high', 'significant', 'general']), 'thresholds must fall from extreme to general'),
    colours: z.record(lecBand, riskColour),
  }),
  ls: z.strictObject({
    /** R = L × S above this value has the colour: > 16 red (20–25), > 12 orange (15–16), > 8 yellow (9–12), else blue. */
    above: z
      .strictObject({ red: z.int().min(1).max(24), orange: z.int().min(1).max(24), yellow: z.int().min(1).max(24) })
      .refine((v) => descending(v, ['red', 'orange', 'yellow']), 'thresholds must fall from red to yellow'),
  }),
  /** A subject's or vehicle's score at least this much has the colour. */
  scoreAtLeast: z
    .strictObject({ red: points, orange: points, yellow: points })
    .refine((v) => descending(v, ['red', 'orange', 'yellow']), 'thresholds must fall from red to yellow'),
  points: z.strictObject({
    /** The highest current grading among the subject's risk points. */
    assessedColour: byColour(points),
    openMajorHazard: perEach,
    openGeneralHazard: perEach,
    overdueHazard: perEach,
    repeatedFinding: perEach.extend({ windowDays: days, minOccurrences: z.int().min(2).max(20) }),
    recheckFailure: perEach,
    vehicleViolation: z.strictObject({ serious: points, critical: points, max: points, windowDays: days }),
    /** Share of the window's alarms not handled within limitMinutes, times maxPoints (rounded). */
    alarmHandling: z.strictObject({
      maxPoints: points,
      limitMinutes: z.int().min(1).max(7 * 24 * 60),
      minAlarms: z.int().min(1).max(1000),
      windowDays: days,
      severities: z.array(z.enum(['info', 'warning', 'serious', 'critical'])).min(1),
    }),
  }),
  escalation: z.strictObject({
    listed: z.strictObject({
      majorHazardOpen: z.boolean(),
      /** A hazard overdue at least this many days. */
      overdueDays: days,
      /** One open hazard whose re-check failed at least this many times. */
      recheckFailures: z.int().min(1).max(20),
      /** Serious and critical alarms of the carrier's vehicles in vehicleViolation.windowDays. */
      violations: z.int().min(1).max(10_000),
      /** An open hazard a leader listed (hazards.escalation). */
      hazardListed: z.boolean(),
    }),
    escalated: z.strictObject({
      majorHazardOverdue: z.boolean(),
      /** Listed this long while still triggered and the score not lower than when listed. */
      listedDaysWithoutImprovement: days,
      violations: z.int().min(1).max(10_000),
      hazardEscalated: z.boolean(),
    }),
    /** One step down after this many days without a fact that calls for the current level. */
    cleanPeriodDays: days,
  }),
  steps: z.strictObject({ none: step, listed: step, escalated: step }),
  /** Inspect a subject of this colour at least every so many days. */
  inspectionDays: byColour(days),
  /** A vehicle of these colours is on daily online review whatever its carrier's step. */
  vehicleDailyReviewColours: z.array(riskColour),
});
export type RiskConfig = z.infer<typeof riskConfig>;

export const defaultRiskConfig: RiskConfig = {
  lec: {
    above: { extreme: 320, high: 160, significant: 70, general: 20 },
    colours: { extreme: 'red', high: 'red', significant: 'orange', general: 'yellow', acceptable: 'blue' },
  },
  ls: { above: { red: 16, orange: 12, yellow: 8 } },
  scoreAtLeast: { red: 60, orange: 35, yellow: 15 },
  points: {
    // Equal to the score thresholds: an assessed colour is the floor of the subject's level.
    assessedColour: { red: 60, orange: 35, yellow: 15, blue: 0 },
    openMajorHazard: { each: 30, max: 90 },
    openGeneralHazard: { each: 4, max: 20 },
    overdueHazard: { each: 12, max: 48 },
    repeatedFinding: { each: 10, max: 30, windowDays: 90, minOccurrences: 2 },
    recheckFailure: { each: 8, max: 32 },
    vehicleViolation: { serious: 3, critical: 6, max: 45, windowDays: 30 },
    alarmHandling: { maxPoints: 20, limitMinutes: 30, minAlarms: 3, windowDays: 30, severities: ['warning', 'serious', 'critical'] },
  },
  escalation: {
    listed: { majorHazardOpen: true, overdueDays: 7, recheckFailures: 2, violations: 5, hazardListed: true },
    escalated: { majorHazardOverdue: true, listedDaysWithoutImprovement: 30, violations: 15, hazardEscalated: true },
    cleanPeriodDays: 30,
  },
  steps: {
    none: { supervisor: 'department', supervisorRole: 'inspector', inspectionDays: null, dailyOnlineReview: false },
    listed: { supervisor: 'department', supervisorRole: 'inspector', inspectionDays: 7, dailyOnlineReview: true },
    escalated: { supervisor: 'district', supervisorRole: 'leader', inspectionDays: 3, dailyOnlineReview: true },
  },
  inspectionDays: { red: 7, orange: 14, yellow: 30, blue: 90 },
  vehicleDailyReviewColours: ['red'],
};

export const RISK_SETTING_KEY = 'risk';

/** Where the recompute and the API get the configuration from (a parameter, so tests and wiring choose). */
export type RiskConfigSource = () => Promise<RiskConfig>;

/**
 * The 'risk' setting (registered in modules/settings/settings-registry.ts) read straight from the settings table on
 * every call, validated by the same schema; the default while none is stored or the stored one no longer validates.
 * For processes without a shared SettingsService (tests); main hands the service's cached `get('risk')` instead.
 */
export function settingsRiskConfig(db: Db): RiskConfigSource {
  return async () => {
    const row = await db.selectFrom('settings').select('value').where('key', '=', RISK_SETTING_KEY).executeTakeFirst();
    const parsed = row ? riskConfig.safeParse(row.value) : undefined;
    return parsed?.success ? parsed.data : defaultRiskConfig;
  };
}

export const colourRank: Record<RiskColour, number> = { blue: 0, yellow: 1, orange: 2, red: 3 };
