import type { MonitoringReportBody } from '@anlan/contracts';
import type { AlarmDayStats } from './monitoring-metrics.repository.js';

/** How many vehicles and drivers the offender lists name. */
export const TOP_OFFENDERS = 10;

type Tally = { alarms: number; byType: Record<string, number> };

function add(t: Tally, r: AlarmDayStats): void {
  t.alarms += r.count;
  t.byType[r.type] = (t.byType[r.type] ?? 0) + r.count;
}

/** Vehicles with the most alarms, most first (then by plate), with counts by type. */
export function topVehicles(
  rows: readonly AlarmDayStats[],
  limit = TOP_OFFENDERS,
): MonitoringReportBody['topVehicles'] {
  const byVehicle = new Map<string, MonitoringReportBody['topVehicles'][number]>();
  for (const r of rows) {
    let v = byVehicle.get(r.vehicle_id);
    if (!v) {
      v = {
        vehicleId: r.vehicle_id,
        plate: r.plate,
        driverName: r.driver_name,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        alarms: 0,
        byType: {},
      };
      byVehicle.set(r.vehicle_id, v);
    }
    add(v, r);
  }
  return [...byVehicle.values()]
    .sort((a, b) => b.alarms - a.alarms || a.plate.localeCompare(b.plate, 'zh-CN'))
    .slice(0, limit);
}

/**
 * Drivers with the most alarms, by the driver on record for each vehicle (vehicles.driver_name). The same name at two
 * carriers is two people; vehicles without a driver on record are left out.
 */
export function topDrivers(rows: readonly AlarmDayStats[], limit = TOP_OFFENDERS): MonitoringReportBody['topDrivers'] {
  const byDriver = new Map<string, MonitoringReportBody['topDrivers'][number]>();
  for (const r of rows) {
    const name = r.driver_name?.trim();
    if (!name) continue;
    const key = `${r.organisation_id}\n${name}`;
    let d = byDriver.get(key);
    if (!d) {
      d = { driverName: name, plates: [], organisationName: r.organisation_name, alarms: 0, byType: {} };
      byDriver.set(key, d);
    }
    if (!d.plates.includes(r.plate)) d.plates.push(r.plate);
    add(d, r);
  }
  return [...byDriver.values()]
    .sort((a, b) => b.alarms - a.alarms || a.driverName.localeCompare(b.driverName, 'zh-CN'))
    .slice(0, limit)
    .map((d) => ({ ...d, plates: d.plates.sort((a, b) => a.localeCompare(b, 'zh-CN')) }));
}
