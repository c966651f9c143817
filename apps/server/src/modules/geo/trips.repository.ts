import type { Trip, TripQuery, TripStatus } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { TripRow } from '../../db/tables.js';

export type TripWithNames = TripRow & { plate: string; organisation_name: string; route_name: string | null };

type Filter = Omit<TripQuery, 'limit' | 'offset'> & { visible: string[] | undefined };

export interface NewTrip {
  vehicleId: string;
  organisationId: string;
  waybillNo: string;
  routeId: string | null;
  cargoUn: string | null;
  cargoName: string | null;
  loaded: boolean;
  plannedStart: Date;
  plannedEnd: Date;
  status?: TripStatus;
  createdBy: string | null;
  createdAt: Date;
}

export class TripsRepository {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return db
      .selectFrom('trips as t')
      .innerJoin('vehicles as v', 'v.id', 't.vehicle_id')
      .innerJoin('organisations as o', 'o.id', 't.organisation_id')
      .leftJoin('approved_routes as r', 'r.id', 't.route_id')
      .selectAll('t')
      .select(['v.plate', 'o.name as organisation_name', 'r.name as route_name']);
  }

  private filtered(f: Filter) {
    let q = this.base();
    if (f.visible) q = f.visible.length ? q.where('t.organisation_id', 'in', f.visible) : q.where(sql<boolean>`false`);
    if (f.organisationId) q = q.where('t.organisation_id', '=', f.organisationId);
    if (f.vehicleId) q = q.where('t.vehicle_id', '=', f.vehicleId);
    if (f.status) q = q.where('t.status', '=', f.status);
    return q;
  }

  /** One page, newest planned start first, and the number of all matching trips. */
  async page(f: Filter, limit: number, offset: number): Promise<{ rows: TripWithNames[]; total: number }> {
    const rows = await this.filtered(f)
      .orderBy('t.planned_start', 'desc')
      .orderBy('t.id')
      .limit(limit)
      .offset(offset)
      .execute();
    const count = await this.filtered(f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }

  findById(id: string, db: Db = this.db): Promise<TripWithNames | undefined> {
    return this.base(db).where('t.id', '=', id).executeTakeFirst();
  }

  async insertMany(trips: readonly NewTrip[], db: Db = this.db): Promise<string[]> {
    if (trips.length === 0) return [];
    const rows = await db
      .insertInto('trips')
      .values(
        trips.map((t) => ({
          vehicle_id: t.vehicleId,
          organisation_id: t.organisationId,
          waybill_no: t.waybillNo,
          route_id: t.routeId,
          cargo_un: t.cargoUn,
          cargo_name: t.cargoName,
          loaded: t.loaded,
          planned_start: t.plannedStart,
          planned_end: t.plannedEnd,
          status: t.status ?? 'planned',
          created_by: t.createdBy,
          created_at: t.createdAt,
        })),
      )
      .returning(['id', 'waybill_no', 'organisation_id'])
      .execute();
    const ids = new Map(rows.map((r) => [`${r.organisation_id}/${r.waybill_no}`, r.id]));
    return trips.map((t) => ids.get(`${t.organisationId}/${t.waybillNo}`)!);
  }

  /** Compare-and-set: moves the trip only if it is still in one of `from`; false when another request won. */
  async setStatus(id: string, from: readonly TripStatus[], to: TripStatus, db: Db = this.db): Promise<boolean> {
    const r = await db
      .updateTable('trips')
      .set({ status: to })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The vehicle's trip under way other than `exceptId`, if any. */
  activeTripOf(
    vehicleId: string,
    exceptId: string,
    db: Db = this.db,
  ): Promise<{ id: string; waybill_no: string } | undefined> {
    return db
      .selectFrom('trips')
      .select(['id', 'waybill_no'])
      .where('vehicle_id', '=', vehicleId)
      .where('status', '=', 'active')
      .where('id', '<>', exceptId)
      .executeTakeFirst();
  }
}

export function toTrip(r: TripWithNames): Trip {
  return {
    id: r.id,
    vehicleId: r.vehicle_id,
    plate: r.plate,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    waybillNo: r.waybill_no,
    routeId: r.route_id,
    routeName: r.route_name,
    cargoUn: r.cargo_un,
    cargoName: r.cargo_name,
    loaded: r.loaded,
    plannedStart: r.planned_start.toISOString(),
    plannedEnd: r.planned_end.toISOString(),
    status: r.status,
    createdAt: r.created_at.toISOString(),
  };
}
