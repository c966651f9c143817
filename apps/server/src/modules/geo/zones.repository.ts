import type { RoadClass, Zone, ZoneGeometry, ZoneKind, ZoneQuery } from '@anlan/contracts';
import type { Updateable } from 'kysely';
import type { Db } from '../../db/client.js';
import type { ZoneRow, ZonesTable } from '../../db/tables.js';

/** A zone's stored fields, as the service has validated them. */
export interface ZoneFields {
  name: string;
  kind: ZoneKind;
  category: string | null;
  geometry: ZoneGeometry;
  bufferM: number | null;
  roadClass: RoadClass | null;
  speedLimitKmh: number | null;
  nightFrom: string | null;
  nightTo: string | null;
  maxParkingMinutes: number | null;
  active: boolean;
}

export class ZonesRepository {
  constructor(private readonly db: Db) {}

  /** Every zone matching the filter, by kind then name. */
  list(q: ZoneQuery): Promise<ZoneRow[]> {
    let query = this.db.selectFrom('zones').selectAll();
    if (q.kind) query = query.where('kind', '=', q.kind);
    if (q.active !== undefined) query = query.where('active', '=', q.active);
    return query.orderBy('kind').orderBy('name').orderBy('id').execute();
  }

  findById(id: string, db: Db = this.db): Promise<ZoneRow | undefined> {
    return db.selectFrom('zones').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(z: ZoneFields, createdBy: string | null, at: Date, db: Db = this.db): Promise<ZoneRow> {
    return db
      .insertInto('zones')
      .values({ ...columns(z), created_by: createdBy, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async update(id: string, z: ZoneFields, at: Date, db: Db = this.db): Promise<ZoneRow> {
    const set: Updateable<ZonesTable> = { ...columns(z), updated_at: at };
    return db.updateTable('zones').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }
}

function columns(z: ZoneFields) {
  return {
    name: z.name,
    kind: z.kind,
    category: z.category,
    geometry: JSON.stringify(z.geometry),
    buffer_m: z.bufferM,
    road_class: z.roadClass,
    speed_limit_kmh: z.speedLimitKmh,
    night_from: z.nightFrom,
    night_to: z.nightTo,
    max_parking_minutes: z.maxParkingMinutes,
    active: z.active,
  };
}

/** The stored row as the service works with it (the fields of a create, plus `active`). */
export function zoneFields(r: ZoneRow): ZoneFields {
  return {
    name: r.name,
    kind: r.kind,
    category: r.category,
    // Written only after the contract validated it.
    geometry: r.geometry as ZoneGeometry,
    bufferM: r.buffer_m,
    roadClass: r.road_class,
    speedLimitKmh: r.speed_limit_kmh,
    nightFrom: r.night_from,
    nightTo: r.night_to,
    maxParkingMinutes: r.max_parking_minutes,
    active: r.active,
  };
}

export function toZone(r: ZoneRow): Zone {
  return { id: r.id, ...zoneFields(r), createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString() };
}
