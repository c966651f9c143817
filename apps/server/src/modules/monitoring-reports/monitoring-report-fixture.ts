import type { Database } from '../../db/client.js';
import type { AlarmSeverity } from '../../db/tables.js';
import { ensurePositionPartitions } from '../vehicles/position-partitions.js';

/**
 * A small world with a known day (2026-12-18, Asia/Shanghai) for the report tests: two carriers, vehicles that drive
 * with a gap, a drift spike, a fix without position, a too-fast, a bad-heading and a future-clocked report, vehicles
 * that are connected but silent, never connected, inactive or registered later, and alarms acknowledged in and out
 * of time. Every expected figure is worked out by hand in the test.
 */
export const DAY = '2026-12-18';
const T0 = Date.parse(`${DAY}T08:00:00+08:00`);
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const REGISTERED = new Date('2026-12-01T00:00:00Z');

/** ACC on + fixed (status bits 0 and 1). */
const FIXED = 3;

type Fix = {
  t: number;
  lat: number;
  lon?: number;
  speed?: number;
  heading?: number;
  status?: number;
  /** Seconds from device time to receipt; negative: the device clock is ahead. */ receivedAfter?: number;
};

export async function seedMonitoringDay(database: Database) {
  const { db } = database;
  await ensurePositionPartitions(db, new Date('2026-12-01T00:00:00Z'));
  const org = async (kind: 'enterprise' | 'department', name: string) =>
    (await db.insertInto('organisations').values({ kind, name }).returning('id').executeTakeFirstOrThrow()).id;
  const carrierA = await org('enterprise', '甲危货运输有限公司');
  const carrierB = await org('enterprise', '乙危货运输有限公司');
  const department = await org('department', '港区交通运输局');
  let phone = 13_800_000_100;
  const vehicle = async (
    plate: string,
    organisationId: string,
    extra: { driver?: string; active?: boolean; createdAt?: Date } = {},
  ) =>
    (
      await db
        .insertInto('vehicles')
        .values({
          plate,
          plate_colour: 2,
          organisation_id: organisationId,
          vehicle_class: 'tanker',
          driver_name: extra.driver ?? null,
          terminal_phone: `0${phone++}`,
          active: extra.active ?? true,
          created_at: extra.createdAt ?? REGISTERED,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const v = {
    a1: await vehicle('浙F·A0001', carrierA, { driver: '张三' }),
    a2: await vehicle('浙F·A0002', carrierA, { driver: '李四' }),
    a3: await vehicle('浙F·A0003', carrierA),
    b1: await vehicle('浙F·B0001', carrierB, { driver: '王五' }),
    b2Inactive: await vehicle('浙F·B0002', carrierB, { active: false }),
    bLater: await vehicle('浙F·B0003', carrierB, { createdAt: new Date(`${DAY}T16:00:00Z`) }),
  };
  const positions = async (vehicleId: string, fixes: Fix[]) =>
    db
      .insertInto('positions')
      .values(
        fixes.map((f) => ({
          vehicle_id: vehicleId,
          device_time: at(f.t),
          received_at: new Date(at(f.t).getTime() + (f.receivedAfter ?? 2) * 1000),
          lat: f.lat,
          lon: f.lon ?? 121,
          speed_kmh: f.speed ?? 40,
          heading: f.heading ?? 0,
          altitude_m: 5,
          alarm_bits: 0,
          status_bits: f.status ?? FIXED,
        })),
      )
      .execute();
  // A1: north along a meridian, 0.001° a minute; a spike to 30.700 (two jumps), a 10-minute gap, a fix without position.
  await positions(v.a1, [
    { t: 0, lat: 30.6 },
    { t: 60, lat: 30.601 },
    { t: 120, lat: 30.602 },
    { t: 180, lat: 30.7 },
    { t: 240, lat: 30.603 },
    { t: 300, lat: 30.604 },
    { t: 900, lat: 30.614 },
    { t: 960, lat: 30.615 },
    { t: 1020, lat: 0, lon: 0, status: 1 },
    { t: 1080, lat: 30.616 },
  ]);
  // A2 reported two days before: connected, not online.
  await positions(v.a2, [{ t: -2 * 86_400, lat: 30.6 }]);
  // B1: too fast, heading 360 and a clock 20 minutes ahead are invalid; the day's edges are left out.
  await positions(v.b1, [
    { t: -8 * 3600 - 30, lat: 30.64 },
    { t: 0, lat: 30.65, lon: 121.05 },
    { t: 30, lat: 30.6503, lon: 121.05 },
    { t: 60, lat: 30.6503, lon: 121.05, speed: 170 },
    { t: 90, lat: 30.6503, lon: 121.05, heading: 360 },
    { t: 120, lat: 30.6503, lon: 121.05, receivedAfter: -20 * 60 },
    { t: 150, lat: 30.6506, lon: 121.05 },
    { t: 16 * 3600, lat: 30.66 },
  ]);
  await positions(v.b2Inactive, [{ t: 0, lat: 30.6 }]);

  let episode = 0;
  const alarm = async (
    vehicleId: string,
    organisationId: string,
    type: string,
    severity: AlarmSeverity,
    o: { start?: number; ack?: number; handled?: number } = {},
  ) => {
    const raised = at(o.start ?? 600);
    const plus = (min: number | undefined) => (min === undefined ? null : new Date(raised.getTime() + min * 60_000));
    await db
      .insertInto('alarms')
      .values({
        vehicle_id: vehicleId,
        organisation_id: organisationId,
        type,
        severity,
        episode_key: `e${episode++}`,
        started_at: raised,
        last_at: raised,
        raised_at: raised,
        acknowledged_at: plus(o.ack),
        handled_at: plus(o.handled),
      })
      .execute();
  };
  await alarm(v.a1, carrierA, 'overspeed', 'serious', { ack: 5 });
  await alarm(v.a1, carrierA, 'overspeed', 'warning', { ack: 40 });
  await alarm(v.a1, carrierA, 'fatigue', 'critical', { handled: 8 });
  await alarm(v.a1, carrierA, 'fatigue', 'critical');
  await alarm(v.b1, carrierB, 'drift', 'info', { ack: 29 });
  await alarm(v.b1, carrierB, 'night_driving', 'serious', { ack: 11 });
  await alarm(v.b1, carrierB, 'overspeed', 'serious', { start: -8 * 3600 - 60, ack: 1 });
  return { carrierA, carrierB, department, vehicles: v };
}
