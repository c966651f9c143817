import { z } from 'zod';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60)
  .nullable();
const rule = (count: { min: number; max: number }) =>
  z.strictObject({
    enabled: z.boolean(),
    count: z.number().int().min(count.min).max(count.max),
    days: z.number().int().min(1).max(365),
  });

/**
 * Thresholds of alarm handling an administrator may change at run time (settings key 'alarms'):
 * - escalateAfterMinutes: an alarm still open or only acknowledged this long after it was raised is escalated
 *   (null: never; 'info' alarms by default never are).
 * - hazards: when violations become a hazard in the closed loop against the carrier (隐患, source vehicle_alarm).
 *   repeatedSerious: one vehicle with `count` serious-or-critical alarms within `days`;
 *   critical: every critical alarm (rollover, collision, a loaded tanker in a restricted zone …);
 *   carrierUnhandled: one carrier with `count` alarms escalated (not handled in time) within `days`.
 * An alarm leads to at most one hazard: once linked it is not counted again.
 */
export const alarmConfigSchema = z.strictObject({
  escalateAfterMinutes: z.strictObject({ info: minutes, warning: minutes, serious: minutes, critical: minutes }),
  hazards: z.strictObject({
    repeatedSerious: rule({ min: 2, max: 100 }),
    critical: z.strictObject({ enabled: z.boolean() }),
    carrierUnhandled: rule({ min: 1, max: 1000 }),
  }),
});
export type AlarmConfig = z.infer<typeof alarmConfigSchema>;

export const defaultAlarmConfig: AlarmConfig = {
  escalateAfterMinutes: { info: null, warning: 60, serious: 15, critical: 5 },
  hazards: {
    repeatedSerious: { enabled: true, count: 3, days: 7 },
    critical: { enabled: true },
    carrierUnhandled: { enabled: true, count: 10, days: 30 },
  },
};

/** Where the escalation job reads its thresholds: the settings service when there is one, a constant otherwise. */
export interface AlarmConfigSource {
  get(): AlarmConfig;
}

export const fixedAlarmConfig = (config: AlarmConfig = defaultAlarmConfig): AlarmConfigSource => ({
  get: () => config,
});
