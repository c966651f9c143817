import type { MapFeatures } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { ApprovedRoutesRepository, routeFields } from '../geo/approved-routes.repository.js';
import { zoneFields, ZonesRepository } from '../geo/zones.repository.js';
import { isOverdue } from '../hazards/hazard-lifecycle.js';
import { visibleOrganisations, type Actor } from '../identity/actor.js';
import { MapFeaturesRepository } from './map-features.repository.js';

/**
 * 地图图层: subjects by risk colour, open hazards, zones and approved routes for the live map, scoped as every other
 * read: an enterprise sees its own subjects and hazards, the shared routes and its own; zones are public rules.
 */
export class MapFeaturesService {
  private readonly points: MapFeaturesRepository;
  private readonly zones: ZonesRepository;
  private readonly routes: ApprovedRoutesRepository;
  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.points = new MapFeaturesRepository(db);
    this.zones = new ZonesRepository(db);
    this.routes = new ApprovedRoutesRepository(db);
  }

  async features(actor: Actor): Promise<MapFeatures> {
    const visible = visibleOrganisations(actor);
    const now = this.now();
    const [subjects, hazards, zones, routes] = await Promise.all([
      this.points.subjects(visible),
      this.points.hazards(visible),
      this.zones.list({ active: true }),
      this.routes.list({ carriers: visible, active: true }),
    ]);
    return {
      subjects: subjects.map((s) => ({
        id: s.id,
        name: s.name,
        type: s.type,
        lat: s.lat,
        lon: s.lon,
        colour: s.colour,
        escalation: s.escalation,
        openHazards: s.open_hazards,
      })),
      hazards: hazards.map((h) => ({
        id: h.id,
        code: h.code,
        level: h.level,
        status: h.status,
        category: h.category,
        subjectId: h.subject_id,
        subjectName: h.subject_name,
        lat: h.lat,
        lon: h.lon,
        overdue: isOverdue(h, now),
        escalation: h.escalation,
      })),
      zones: zones.map((row) => {
        const z = zoneFields(row);
        return {
          id: row.id,
          name: z.name,
          kind: z.kind,
          category: z.category,
          geometry: z.geometry,
          bufferM: z.bufferM,
          speedLimitKmh: z.speedLimitKmh,
        };
      }),
      routes: routes.map((row) => {
        const r = routeFields(row);
        return {
          id: row.id,
          name: r.name,
          organisationName: row.organisation_name,
          geometry: r.geometry,
          bufferM: r.bufferM,
        };
      }),
    };
  }
}
