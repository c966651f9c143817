import { monitoringThresholds } from '@anlan/contracts';
import type { z } from 'zod';
import { defaultRulesConfig, rulesConfig } from '../../rules/config.js';
import { alarmConfigSchema, defaultAlarmConfig } from '../alarms/alarm-config.js';
import { defaultMonitoringThresholds } from '../monitoring-reports/monitoring-thresholds.js';
import { defaultRiskConfig, riskConfig } from '../risk/risk-config.js';

/** A known settings key: the schema every stored value must pass, and the value in force until someone sets one. */
export interface SettingDefinition<T> {
  schema: z.ZodType<T>;
  defaultValue: T;
}

export const defineSetting = <T>(schema: z.ZodType<T>, defaultValue: T): SettingDefinition<T> => ({
  schema,
  defaultValue,
});

export type SettingDefinitions = Record<string, SettingDefinition<unknown>>;

/**
 * Every key an administrator may set at run time (PUT /api/settings/:key). To register one, add a line here:
 * `myKey: defineSetting(mySchema, myDefault),` — then read it with `settings.get('myKey')` (typed), or synchronously
 * with `settings.peek('myKey')` after `settings.load()`, and follow changes with `settings.onChange('myKey', …)`.
 */
export const settingDefinitions = {
  /** Thresholds of the rules engine (speed limits, fatigue, night window, parking …). */
  rules: defineSetting(rulesConfig, defaultRulesConfig),
  /** Escalation of unhandled alarms and when violations become hazards (modules/alarms/alarm-config.ts). */
  alarms: defineSetting(alarmConfigSchema, defaultAlarmConfig),
  /** Risk grading: LEC / LS bands and colours, the points model, escalation rules and steps (modules/risk/risk-config.ts). */
  risk: defineSetting(riskConfig, defaultRiskConfig),
  /** Thresholds and targets of the daily online-monitoring report (modules/monitoring-reports/README.md). */
  monitoring_report: defineSetting(monitoringThresholds, defaultMonitoringThresholds()),
} satisfies SettingDefinitions;

export type KnownSettings = typeof settingDefinitions;
