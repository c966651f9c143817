import { lineStringGeometry, zoneGeometry } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { RuleRoute, RuleVehicle, RuleZone } from '../../rules/types.js';

/**
 * The active zones and approved routes, mapped to the rules engine's types. Geometry is checked again on the way in:
 * a row that no longer matches the contract (edited by hand in the database) is left out rather than crash the
 * engine's index.
 */
export async function loadRuleGeometry(db: Db): Promise<{ zones: RuleZone[]; routes: RuleRoute[] }> {
  const [zoneRows, routeRows] = await Promise.all([
    db.selectFrom('zones').selectAll().where('active', '=', true).orderBy('id').execute(),
    db.selectFrom('approved_routes').selectAll().where('active', '=', true).orderBy('id').execute(),
  ]);
  const zones: RuleZone[] = [];
  for (const r of zoneRows) {
    const geometry = zoneGeometry.safeParse(r.geometry);
    if (!geometry.success) continue;
    zones.push({
      id: r.id,
      name: r.name,
      kind: r.kind,
      category: r.category,
      geometry: geometry.data,
      bufferM: r.buffer_m,
      roadClass: r.road_class,
      speedLimitKmh: r.speed_limit_kmh,
      nightFrom: r.night_from,
      nightTo: r.night_to,
      maxParkingMinutes: r.max_parking_minutes,
    });
  }
  const routes: RuleRoute[] = [];
  for (const r of routeRows) {
    const geometry = lineStringGeometry.safeParse(r.geometry);
    if (geometry.success) routes.push({ id: r.id, name: r.name, geometry: geometry.data, bufferM: r.buffer_m });
  }
  return { zones, routes };
}

/**
 * Every active vehicle with its current trip. The current trip is the one under way (status 'active'), or else a
 * planned one whose planned window holds `now` (planned_start ≤ now ≤ planned_end): carriers often never press
 * "start", and a loaded tanker on its planned run must be watched as loaded. An active trip stays current past its
 * planned end until the carrier finishes it. Several candidates: active before planned, then the latest planned
 * start. A trip's route may be inactive: the engine then finds no route of that id and checks none.
 */
export async function loadRuleVehicles(db: Db, now: Date): Promise<RuleVehicle[]> {
  const [vehicles, trips] = await Promise.all([
    db
      .selectFrom('vehicles')
      .select(['id', 'organisation_id', 'vehicle_class'])
      .where('active', '=', true)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('trips')
      .select(['id', 'vehicle_id', 'route_id', 'loaded'])
      .where((eb) =>
        eb.or([
          eb('status', '=', 'active'),
          eb.and([eb('status', '=', 'planned'), eb('planned_start', '<=', now), eb('planned_end', '>=', now)]),
        ]),
      )
      .orderBy(sql`status = 'active'`, 'desc')
      .orderBy('planned_start', 'desc')
      .orderBy('id')
      .execute(),
  ]);
  const current = new Map<string, (typeof trips)[number]>();
  for (const t of trips) if (!current.has(t.vehicle_id)) current.set(t.vehicle_id, t);
  return vehicles.map((v) => {
    const t = current.get(v.id);
    return {
      vehicleId: v.id,
      organisationId: v.organisation_id,
      vehicleClass: v.vehicle_class,
      trip: t ? { id: t.id, routeId: t.route_id, loaded: t.loaded } : null,
    };
  });
}
