import { z } from 'zod';
import { instant } from './common.js';
import { alarmSeverities, alarmTypeLabels } from './alarms.js';
import type { Locale } from './errors.js';

/**
 * 每日在线监测日报: the regulator's five platform rates for one Asia/Shanghai calendar day, per carrier and for the
 * district, with alarm handling and per-vehicle rows. Definitions: apps/server/src/modules/monitoring-reports/README.md.
 * Rates are percentages (0–100, two decimals), null when their denominator is zero (nothing to measure).
 */

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
export const reportDay = z.iso.date();

const percent = z.number().min(0).max(100);

/** Thresholds a report is computed with; an administrator may change them (settings key `monitoring_report`). */
export const monitoringThresholds = z.strictObject({
  /** 轨迹断点: consecutive valid fixes further apart in time than this break the track (the regulator uses 5 min). */
  gapSeconds: z.number().int().min(10).max(3600).default(300),
  /** 漂移: a step between valid fixes faster than this (and longer than driftMinDistanceM) is a jump (as the rules' drift). */
  driftSpeedKmh: z.number().positive().max(2000).default(180),
  /** Steps shorter than this never count as jumps: GNSS noise over a second or two is not drift. */
  driftMinDistanceM: z.number().min(0).max(100_000).default(200),
  /** 数据合格: fastest plausible reported speed. */
  maxSpeedKmh: z.number().positive().max(500).default(160),
  /** 数据合格: a device time further ahead of the receive time than this is a broken clock. */
  futureToleranceSeconds: z.number().int().min(0).max(86_400).default(600),
  /** 数据合格: coordinates must lie in this box (mainland China by default); (0, 0) never passes. */
  bounds: z
    .strictObject({ minLat: z.number(), minLon: z.number(), maxLat: z.number(), maxLon: z.number() })
    .default({ minLat: 3, minLon: 73, maxLat: 54, maxLon: 136 }),
  /** An alarm is handled in time when acknowledged (or handled) within these minutes of being raised. */
  ackMinutes: z
    .strictObject({
      info: z.number().int().positive(),
      warning: z.number().int().positive(),
      serious: z.number().int().positive(),
      critical: z.number().int().positive(),
    })
    .default({ info: 30, warning: 30, serious: 10, critical: 10 }),
  /** Targets printed beside each rate (percent); drift is a ceiling, the others floors. Verify per locality. */
  targets: z
    .strictObject({
      connected: percent,
      online: percent,
      completeness: percent,
      validity: percent,
      drift: percent,
    })
    .default({ connected: 100, online: 99, completeness: 99, validity: 99, drift: 1 }),
});
export type MonitoringThresholds = z.infer<typeof monitoringThresholds>;

export const monitoringRates = z.object({
  /** 入网率: vehicles that ever reported / vehicles registered. */
  connected: percent.nullable(),
  /** 上线率: vehicles that reported this day / vehicles connected. */
  online: percent.nullable(),
  /** 轨迹完整率: continuous distance / total distance. */
  completeness: percent.nullable(),
  /** 数据合格率: valid positions / positions. */
  validity: percent.nullable(),
  /** 漂移率: vehicles with a jump / vehicles online. */
  drift: percent.nullable(),
});
export type MonitoringRates = z.infer<typeof monitoringRates>;

export const monitoringSummary = z.object({
  vehiclesRegistered: z.number().int(),
  vehiclesConnected: z.number().int(),
  vehiclesOnline: z.number().int(),
  vehiclesDrifting: z.number().int(),
  positions: z.number().int(),
  validPositions: z.number().int(),
  driftPoints: z.number().int(),
  distanceKm: z.number(),
  continuousKm: z.number(),
  onlineMinutes: z.number(),
  rates: monitoringRates,
});
export type MonitoringSummary = z.infer<typeof monitoringSummary>;

const alarmCounts = z.object({
  count: z.number().int(),
  /** Acknowledged or handled, at any time. */
  acknowledged: z.number().int(),
  /** Acknowledged or handled within the severity's ackMinutes of being raised. */
  inTime: z.number().int(),
  inTimeRate: percent.nullable(),
});

export const monitoringAlarmType = alarmCounts.extend({ type: z.string() });
export const monitoringAlarms = alarmCounts.extend({
  bySeverity: z.record(z.enum(alarmSeverities), z.number().int()),
  byType: z.array(monitoringAlarmType),
});
export type MonitoringAlarms = z.infer<typeof monitoringAlarms>;

/** Alarm counts by type, e.g. `{overspeed: 3, fatigue: 1}`. */
const countsByType = z.record(z.string(), z.number().int());

export const monitoringOffenderVehicle = z.object({
  vehicleId: z.uuid(),
  plate: z.string(),
  driverName: z.string().nullable(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  alarms: z.number().int(),
  byType: countsByType,
});
export const monitoringOffenderDriver = z.object({
  driverName: z.string(),
  plates: z.array(z.string()),
  organisationName: z.string(),
  alarms: z.number().int(),
  byType: countsByType,
});

export const monitoringVehicleRow = z.object({
  vehicleId: z.uuid(),
  plate: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  driverName: z.string().nullable(),
  connected: z.boolean(),
  online: z.boolean(),
  positions: z.number().int(),
  validPositions: z.number().int(),
  driftPoints: z.number().int(),
  distanceKm: z.number(),
  continuousKm: z.number(),
  completeness: percent.nullable(),
  onlineMinutes: z.number(),
  firstAt: instant.nullable(),
  lastAt: instant.nullable(),
  alarms: z.number().int(),
});
export type MonitoringVehicleRow = z.infer<typeof monitoringVehicleRow>;

export const monitoringCarrierRow = monitoringSummary.extend({
  organisationId: z.uuid(),
  organisationName: z.string(),
  alarms: z.number().int(),
  alarmsInTime: z.number().int(),
});

/** What a stored report holds (daily_monitoring_reports.metrics). */
export const monitoringReportBody = z.object({
  thresholds: monitoringThresholds,
  summary: monitoringSummary,
  alarms: monitoringAlarms,
  topVehicles: z.array(monitoringOffenderVehicle),
  topDrivers: z.array(monitoringOffenderDriver),
  /** The district's report only: one row per carrier. */
  carriers: z.array(monitoringCarrierRow),
  vehicles: z.array(monitoringVehicleRow),
});
export type MonitoringReportBody = z.infer<typeof monitoringReportBody>;

const reportHead = {
  id: z.uuid(),
  day: reportDay,
  /** null: the district's report. */
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  generatedAt: instant,
  /** null: the daily job. */
  generatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
};

export const monitoringReport = monitoringReportBody.extend(reportHead);
export type MonitoringReport = z.infer<typeof monitoringReport>;

export const monitoringReportListItem = z.object({
  ...reportHead,
  summary: monitoringSummary,
  alarms: alarmCounts,
});
export type MonitoringReportListItem = z.infer<typeof monitoringReportListItem>;

export const monitoringReportList = z.object({ items: z.array(monitoringReportListItem) });

export const MONITORING_REPORT_LIST_MAX_DAYS = 366;

export const monitoringReportListQuery = z
  .strictObject({ from: reportDay, to: reportDay, organisationId: z.uuid().optional() })
  .refine((q) => q.to >= q.from, { message: 'to must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MONITORING_REPORT_LIST_MAX_DAYS * 86_400_000, {
    message: `at most ${MONITORING_REPORT_LIST_MAX_DAYS} days`,
    path: ['to'],
  });
export type MonitoringReportListQuery = z.infer<typeof monitoringReportListQuery>;

export const monitoringReportParams = z.strictObject({ day: reportDay });
export const monitoringReportQuery = z.strictObject({ organisationId: z.uuid().optional() });

export const generateMonitoringReport = z.strictObject({
  day: reportDay,
  /** Only this carrier's report; without it the district's and every carrier's. */
  organisationId: z.uuid().optional(),
});
export type GenerateMonitoringReport = z.infer<typeof generateMonitoringReport>;

/** An alarm type's name in reports; a type the labels do not know yet shows as itself. */
export const monitoringAlarmTypeLabel = (type: string, locale: Locale): string =>
  (alarmTypeLabels as Record<string, Record<Locale, string>>)[type]?.[locale] ?? type;
