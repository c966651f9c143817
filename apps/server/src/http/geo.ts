import type { FastifyInstance } from 'fastify';
import { approvedRoutesRoutes } from '../modules/geo/approved-routes.routes.js';
import { ApprovedRoutesService } from '../modules/geo/approved-routes.service.js';
import { GeoChanges } from '../modules/geo/geo-changes.js';
import { tripsRoutes } from '../modules/geo/trips.routes.js';
import { TripsService } from '../modules/geo/trips.service.js';
import { zonesRoutes } from '../modules/geo/zones.routes.js';
import { ZonesService } from '../modules/geo/zones.service.js';
import type { AppDeps } from './app.js';

/**
 * Zones, approved routes and trips. Changes are signalled on `deps.geoChanges` (main makes one and hands the same one
 * to the rules runner); without one (tests) the app makes its own, which nobody else listens to.
 */
export function registerGeo(app: FastifyInstance, { database, geoChanges, now }: AppDeps): GeoChanges {
  const changes = geoChanges ?? new GeoChanges();
  const db = database.db;
  zonesRoutes(app, { zones: new ZonesService(db, changes, now) });
  approvedRoutesRoutes(app, { routes: new ApprovedRoutesService(db, changes, now) });
  tripsRoutes(app, { trips: new TripsService(db, changes, now) });
  return changes;
}
