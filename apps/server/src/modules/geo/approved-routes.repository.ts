import type { ApprovedRoute, LineStringGeometry } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { ApprovedRouteRow } from '../../db/tables.js';

export type RouteRow = ApprovedRouteRow & { organisation_name: string | null };

/** A route's stored fields, as the service has validated them. */
export interface RouteFields {
  name: string;
  organisationId: string | null;
  geometry: LineStringGeometry;
  bufferM: number;
  active: boolean;
}

interface RouteFilter {
  /** Only these carriers' routes plus the shared ones (organisation_id null); undefined: every route. */
  carriers?: string[] | undefined;
  active?: boolean | undefined;
}

export class ApprovedRoutesRepository {
  constructor(private readonly db: Db) {}

  private base(db: Db = this.db) {
    return db
      .selectFrom('approved_routes as r')
      .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
      .selectAll('r')
      .select('o.name as organisation_name');
  }

  /** Routes by name; `carriers` keeps those carriers' routes and the shared ones. */
  list(f: RouteFilter): Promise<RouteRow[]> {
    let q = this.base();
    if (f.carriers) {
      const carriers = f.carriers;
      q = q.where((eb) =>
        eb.or([
          eb('r.organisation_id', 'is', null),
          carriers.length ? eb('r.organisation_id', 'in', carriers) : sql<boolean>`false`,
        ]),
      );
    }
    if (f.active !== undefined) q = q.where('r.active', '=', f.active);
    return q.orderBy('r.name').orderBy('r.id').execute();
  }

  findById(id: string, db: Db = this.db): Promise<RouteRow | undefined> {
    return this.base(db).where('r.id', '=', id).executeTakeFirst();
  }

  async insert(f: RouteFields, createdBy: string | null, at: Date, db: Db = this.db): Promise<string> {
    const row = await db
      .insertInto('approved_routes')
      .values({ ...columns(f), created_by: createdBy, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: string, f: RouteFields, at: Date, db: Db = this.db): Promise<void> {
    await db
      .updateTable('approved_routes')
      .set({ ...columns(f), updated_at: at })
      .where('id', '=', id)
      .execute();
  }
}

function columns(f: RouteFields) {
  return {
    name: f.name,
    organisation_id: f.organisationId,
    geometry: JSON.stringify(f.geometry),
    buffer_m: f.bufferM,
    active: f.active,
  };
}

export function routeFields(r: ApprovedRouteRow): RouteFields {
  return {
    name: r.name,
    organisationId: r.organisation_id,
    // Written only after the contract validated it.
    geometry: r.geometry as LineStringGeometry,
    bufferM: r.buffer_m,
    active: r.active,
  };
}

export function toRoute(r: RouteRow): ApprovedRoute {
  return {
    id: r.id,
    ...routeFields(r),
    organisationName: r.organisation_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
