import { describe, expect, it } from 'vitest';
import { buildDayReports, rate } from './monitoring-report-builder.js';
import type { AlarmDayStats, VehicleDayStats } from './monitoring-metrics.repository.js';
import { topDrivers, topVehicles } from './monitoring-offenders.js';
import { defaultMonitoringThresholds } from './monitoring-thresholds.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';

const vehicle = (id: string, org: string, over: Partial<VehicleDayStats> = {}): VehicleDayStats => ({
  vehicle_id: id,
  plate: `浙F·${id.slice(-4)}`,
  driver_name: null,
  organisation_id: org,
  organisation_name: org === ORG_A ? '甲公司' : '乙公司',
  connected: true,
  positions: 10,
  valid_positions: 10,
  drift_points: 0,
  distance_m: 1000,
  continuous_m: 1000,
  online_seconds: 600,
  first_at: null,
  last_at: null,
  ...over,
});

const alarm = (vehicleId: string, org: string, driver: string | null, type: string, count: number): AlarmDayStats => ({
  vehicle_id: vehicleId,
  plate: `浙F·${vehicleId.slice(-4)}`,
  driver_name: driver,
  organisation_id: org,
  organisation_name: org === ORG_A ? '甲公司' : '乙公司',
  type,
  severity: 'serious',
  count,
  acknowledged: count,
  in_time: 0,
});

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the report builder', () => {
  it('gives percentages with two decimals, and null when there is nothing to measure', () => {
    expect(rate(2, 3)).toBe(66.67);
    expect(rate(0, 5)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 1)).toBe(100);
  });

  it('splits the day by carrier and leaves rates null for a carrier with nobody online', () => {
    const vehicles = [
      vehicle(id(1), ORG_A),
      vehicle(id(2), ORG_B, {
        connected: false,
        positions: 0,
        valid_positions: 0,
        distance_m: 0,
        continuous_m: 0,
        online_seconds: 0,
      }),
    ];
    const day = buildDayReports(defaultMonitoringThresholds(), vehicles, [alarm(id(2), ORG_B, null, 'offline', 1)]);
    expect(day.district.summary.rates).toEqual({
      connected: 50,
      online: 100,
      completeness: 100,
      validity: 100,
      drift: 0,
    });
    expect(day.district.carriers.map((c) => [c.organisationName, c.alarms])).toEqual([
      ['甲公司', 0],
      ['乙公司', 1],
    ]);
    const b = day.carriers.find((c) => c.id === ORG_B)!.body;
    expect(b.summary.rates).toEqual({ connected: 0, online: null, completeness: null, validity: null, drift: null });
    expect(b.carriers).toEqual([]);
    expect(b.vehicles.map((v) => v.vehicleId)).toEqual([id(2)]);
  });

  it('ranks offenders by alarms, keeps namesakes at two carriers apart and leaves out unknown drivers', () => {
    const rows = [
      alarm(id(1), ORG_A, '张伟', 'overspeed', 2),
      alarm(id(1), ORG_A, '张伟', 'fatigue', 1),
      alarm(id(2), ORG_B, '张伟', 'overspeed', 1),
      alarm(id(3), ORG_A, '张伟', 'parking', 1),
      alarm(id(4), ORG_B, null, 'device', 5),
    ];
    expect(topVehicles(rows).map((v) => [v.plate, v.alarms])).toEqual([
      ['浙F·0004', 5],
      ['浙F·0001', 3],
      ['浙F·0002', 1],
      ['浙F·0003', 1],
    ]);
    expect(topDrivers(rows)).toEqual([
      {
        driverName: '张伟',
        plates: ['浙F·0001', '浙F·0003'],
        organisationName: '甲公司',
        alarms: 4,
        byType: { overspeed: 2, fatigue: 1, parking: 1 },
      },
      { driverName: '张伟', plates: ['浙F·0002'], organisationName: '乙公司', alarms: 1, byType: { overspeed: 1 } },
    ]);
    expect(topVehicles(rows, 2)).toHaveLength(2);
  });
});
