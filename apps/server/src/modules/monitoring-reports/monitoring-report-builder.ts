import type {
  MonitoringAlarms,
  MonitoringReportBody,
  MonitoringSummary,
  MonitoringThresholds,
  MonitoringVehicleRow,
} from '@anlan/contracts';
import { alarmSeverities } from '@anlan/contracts';
import type { AlarmDayStats, VehicleDayStats } from './monitoring-metrics.repository.js';
import { topDrivers, topVehicles } from './monitoring-offenders.js';

/** A share as a percentage with two decimals; null when there is nothing to measure. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((10_000 * part) / whole) / 100 : null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/** The five rates and the counts behind them, over some vehicles' days. */
export function summarize(vehicles: readonly VehicleDayStats[]): MonitoringSummary {
  const registered = vehicles.length;
  const connected = vehicles.filter((v) => v.connected).length;
  const online = vehicles.filter((v) => v.positions > 0).length;
  const drifting = vehicles.filter((v) => v.drift_points > 0).length;
  const positions = sum(vehicles, (v) => v.positions);
  const validPositions = sum(vehicles, (v) => v.valid_positions);
  const distance = sum(vehicles, (v) => v.distance_m);
  const continuous = sum(vehicles, (v) => v.continuous_m);
  return {
    vehiclesRegistered: registered,
    vehiclesConnected: connected,
    vehiclesOnline: online,
    vehiclesDrifting: drifting,
    positions,
    validPositions,
    driftPoints: sum(vehicles, (v) => v.drift_points),
    distanceKm: round(distance / 1000, 3),
    continuousKm: round(continuous / 1000, 3),
    onlineMinutes: round(sum(vehicles, (v) => v.online_seconds) / 60, 1),
    rates: {
      connected: rate(connected, registered),
      online: rate(online, connected),
      completeness: rate(continuous, distance),
      validity: rate(validPositions, positions),
      drift: rate(drifting, online),
    },
  };
}

/** Alarm counts, handled-in-time counts and their rate, overall, by severity and by type (busiest type first). */
export function summarizeAlarms(rows: readonly AlarmDayStats[]): MonitoringAlarms {
  const counts = (xs: readonly AlarmDayStats[]) => {
    const count = sum(xs, (r) => r.count);
    const inTime = sum(xs, (r) => r.in_time);
    return { count, acknowledged: sum(xs, (r) => r.acknowledged), inTime, inTimeRate: rate(inTime, count) };
  };
  const types = [...new Set(rows.map((r) => r.type))];
  const bySeverity = Object.fromEntries(
    alarmSeverities.map((s) => [s, sum(rows, (r) => (r.severity === s ? r.count : 0))]),
  ) as MonitoringAlarms['bySeverity'];
  return {
    ...counts(rows),
    bySeverity,
    byType: types
      .map((type) => ({ type, ...counts(rows.filter((r) => r.type === type)) }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
  };
}

function vehicleRow(v: VehicleDayStats, alarms: number): MonitoringVehicleRow {
  return {
    vehicleId: v.vehicle_id,
    plate: v.plate,
    organisationId: v.organisation_id,
    organisationName: v.organisation_name,
    driverName: v.driver_name,
    connected: v.connected,
    online: v.positions > 0,
    positions: v.positions,
    validPositions: v.valid_positions,
    driftPoints: v.drift_points,
    distanceKm: round(v.distance_m / 1000, 3),
    continuousKm: round(v.continuous_m / 1000, 3),
    completeness: rate(v.continuous_m, v.distance_m),
    onlineMinutes: round(v.online_seconds / 60, 1),
    firstAt: v.first_at?.toISOString() ?? null,
    lastAt: v.last_at?.toISOString() ?? null,
    alarms,
  };
}

/** One report over the given vehicles and alarms; `withCarriers` adds a row per carrier (the district's report). */
export function buildReportBody(
  thresholds: MonitoringThresholds,
  vehicles: readonly VehicleDayStats[],
  alarms: readonly AlarmDayStats[],
  withCarriers: boolean,
): MonitoringReportBody {
  const alarmsByVehicle = new Map<string, number>();
  for (const a of alarms) alarmsByVehicle.set(a.vehicle_id, (alarmsByVehicle.get(a.vehicle_id) ?? 0) + a.count);
  return {
    thresholds,
    summary: summarize(vehicles),
    alarms: summarizeAlarms(alarms),
    topVehicles: topVehicles(alarms),
    topDrivers: topDrivers(alarms),
    carriers: withCarriers
      ? byCarrier(vehicles, alarms).map((c) => {
          const counts = summarizeAlarms(c.alarms);
          return {
            organisationId: c.id,
            organisationName: c.name,
            ...summarize(c.vehicles),
            alarms: counts.count,
            alarmsInTime: counts.inTime,
          };
        })
      : [],
    vehicles: vehicles.map((v) => vehicleRow(v, alarmsByVehicle.get(v.vehicle_id) ?? 0)),
  };
}

type Carrier = { id: string; name: string; vehicles: VehicleDayStats[]; alarms: AlarmDayStats[] };

/** Every carrier with a registered vehicle or an alarm in the day, by name, with its vehicles and alarms. */
export function byCarrier(vehicles: readonly VehicleDayStats[], alarms: readonly AlarmDayStats[]): Carrier[] {
  const carriers = new Map<string, Carrier>();
  const of = (r: { organisation_id: string; organisation_name: string }) => {
    let c = carriers.get(r.organisation_id);
    if (!c)
      carriers.set(
        r.organisation_id,
        (c = { id: r.organisation_id, name: r.organisation_name, vehicles: [], alarms: [] }),
      );
    return c;
  };
  for (const v of vehicles) of(v).vehicles.push(v);
  for (const a of alarms) of(a).alarms.push(a);
  return [...carriers.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

/** The district's report and one per carrier, from one pass over the day. */
export function buildDayReports(
  thresholds: MonitoringThresholds,
  vehicles: readonly VehicleDayStats[],
  alarms: readonly AlarmDayStats[],
): { district: MonitoringReportBody; carriers: { id: string; name: string; body: MonitoringReportBody }[] } {
  return {
    district: buildReportBody(thresholds, vehicles, alarms, true),
    carriers: byCarrier(vehicles, alarms).map((c) => ({
      id: c.id,
      name: c.name,
      body: buildReportBody(thresholds, c.vehicles, c.alarms, false),
    })),
  };
}
