import type { Alarm, AlarmQuery, LiveAlarm } from '@anlan/contracts';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/client.js';
import type { AlarmRow, Tables } from '../../db/tables.js';
import { UNHANDLED } from './alarm-lifecycle.js';

/** The list counts matching rows up to this many; beyond, the total is a lower bound. */
export const ALARM_COUNT_CAP = 10_000;

export type AlarmWithVehicle = AlarmRow & { plate: string; organisation_name: string };

type Details = Alarm['details'];

/** Rule figures are flat scalars; anything else (never written by the rules) is left out rather than failing a read. */
export function toDetails(value: unknown): Details {
  const out: Details = {};
  if (!value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toLiveAlarm = (r: AlarmRow & { plate: string }): LiveAlarm => ({
  id: r.id,
  vehicleId: r.vehicle_id,
  plate: r.plate,
  organisationId: r.organisation_id,
  type: r.type as LiveAlarm['type'],
  subtype: r.subtype,
  severity: r.severity,
  status: r.status,
  startedAt: r.started_at.toISOString(),
  lastAt: r.last_at.toISOString(),
  endedAt: iso(r.ended_at),
  lat: r.lat,
  lon: r.lon,
  details: toDetails(r.details),
});

export const toAlarm = (r: AlarmWithVehicle): Alarm => ({
  ...toLiveAlarm(r),
  organisationName: r.organisation_name,
  zoneId: r.zone_id,
  routeId: r.route_id,
  tripId: r.trip_id,
  raisedAt: r.raised_at.toISOString(),
  acknowledgedAt: iso(r.acknowledged_at),
  remindedAt: iso(r.reminded_at),
  carrierNotifiedAt: iso(r.carrier_notified_at),
  handledAt: iso(r.handled_at),
  handling: r.handling,
  closedAt: iso(r.closed_at),
  escalatedAt: iso(r.escalated_at),
  hazardId: r.hazard_id,
});

type AlarmSelect = SelectQueryBuilder<Tables & { a: Tables['alarms'] }, 'a', object>;
export type AlarmFilter = Omit<AlarmQuery, 'limit' | 'offset'> & { visible: string[] | undefined };

function applyFilter(q: AlarmSelect, f: AlarmFilter): AlarmSelect {
  if (f.visible) q = f.visible.length ? q.where('a.organisation_id', 'in', f.visible) : q.where(sql<boolean>`false`);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.type) q = q.where('a.type', '=', f.type);
  if (f.severity) q = q.where('a.severity', '=', f.severity);
  if (f.vehicleId) q = q.where('a.vehicle_id', '=', f.vehicleId);
  if (f.organisationId) q = q.where('a.organisation_id', '=', f.organisationId);
  if (f.from) q = q.where('a.started_at', '>=', new Date(f.from));
  if (f.to) q = q.where('a.started_at', '<', new Date(f.to));
  if (f.unhandled !== undefined) q = q.where('a.status', f.unhandled ? 'in' : 'not in', UNHANDLED);
  if (f.escalated !== undefined) q = q.where('a.escalated_at', f.escalated ? 'is not' : 'is', null);
  return q;
}

/** Reads of the alarms table for the workflow API; writes of signals live in alarm-store.ts. */
export class AlarmsRepository {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return db
      .selectFrom('alarms as a')
      .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .selectAll('a')
      .select(['v.plate', 'o.name as organisation_name']);
  }

  async page(f: AlarmFilter & { limit: number; offset: number }) {
    const filtered = applyFilter(this.db.selectFrom('alarms as a') as unknown as AlarmSelect, f);
    const [rows, count] = await Promise.all([
      filtered
        .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
        .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
        .selectAll('a')
        .select(['v.plate', 'o.name as organisation_name'])
        .orderBy('a.started_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(f.limit)
        .offset(f.offset)
        .execute() as Promise<AlarmWithVehicle[]>,
      this.db
        .selectFrom(
          filtered
            .select(sql<number>`1`.as('one'))
            .limit(ALARM_COUNT_CAP + 1)
            .as('capped'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow() as Promise<{ n: number }>,
    ]);
    const n = Number(count.n);
    return { rows, total: Math.min(n, ALARM_COUNT_CAP), totalCapped: n > ALARM_COUNT_CAP };
  }

  findById(id: string): Promise<AlarmWithVehicle | undefined> {
    return this.base().where('a.id', '=', id).executeTakeFirst();
  }

  /** Locks the row for a workflow step, so that two monitors cannot move the same alarm at once. */
  lockById(trx: Db, id: string): Promise<AlarmWithVehicle | undefined> {
    return this.base(trx).where('a.id', '=', id).forUpdate('a').executeTakeFirst();
  }

  /** Alarms of one vehicle overlapping [from, to), by start (track playback). */
  overlapping(vehicleId: string, from: Date, to: Date): Promise<AlarmWithVehicle[]> {
    return this.base()
      .where('a.vehicle_id', '=', vehicleId)
      .where('a.started_at', '<', to)
      .where(sql<boolean>`coalesce(a.ended_at, a.last_at) >= ${from}`)
      .orderBy('a.started_at')
      .limit(1000)
      .execute();
  }

  vehicle(id: string) {
    return this.db
      .selectFrom('vehicles')
      .select(['id', 'plate', 'driver_name', 'driver_phone', 'terminal_phone', 'cargo_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  /** The stored position nearest the episode's start: the first at or after it, else the last before. */
  async positionAt(vehicleId: string, at: Date) {
    const cols = ['device_time', 'lat', 'lon', 'speed_kmh', 'heading', 'alarm_bits', 'status_bits'] as const;
    const after = await this.db
      .selectFrom('positions')
      .select(cols)
      .where('vehicle_id', '=', vehicleId)
      .where('device_time', '>=', at)
      .where('device_time', '<', new Date(at.getTime() + 3600_000))
      .orderBy('device_time')
      .limit(1)
      .executeTakeFirst();
    if (after) return after;
    return this.db
      .selectFrom('positions')
      .select(cols)
      .where('vehicle_id', '=', vehicleId)
      .where('device_time', '<', at)
      .where('device_time', '>=', new Date(at.getTime() - 3600_000))
      .orderBy('device_time', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  hazard(id: string) {
    return this.db.selectFrom('hazards').select(['id', 'code', 'status']).where('id', '=', id).executeTakeFirst();
  }

  events(alarmId: string) {
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('entity_type', '=', 'alarm')
      .where('entity_id', '=', alarmId)
      .orderBy('id')
      .limit(500)
      .execute();
  }
}
