import type { RulesConfig } from './config.js';
import type { RouteIndex } from './geometry/route-index.js';
import type { ZoneIndex, ZoneMatch } from './geometry/zone-index.js';
import type { RoadClass, RuleVehicle, RuleZone } from './types.js';

/** The road under a fix: the nearest road zone's class, or the configured default class where there is none. */
export interface RoadHere {
  roadClass: RoadClass;
  zone: RuleZone | null;
}

/** What a rule may consult besides its own state and the fix: worked out once per fix by the engine. */
export interface RuleContext {
  vehicle: RuleVehicle;
  /** Thresholds for this vehicle's class. */
  params: RulesConfig;
  zones: ZoneIndex;
  routes: RouteIndex;
  /** Zones containing the fix (empty for a fix without a location). */
  here: readonly ZoneMatch[];
  road: RoadHere;
}

/**
 * The road a fix is on. Where corridors overlap (an interchange, a road through the park) the nearest centre line
 * wins; an area with a road class (the park's internal roads drawn as a polygon) counts as distance 0. On a tie the
 * lower limit wins: the cautious reading.
 */
export function roadAt(here: readonly ZoneMatch[], params: RulesConfig): RoadHere {
  let best: ZoneMatch | null = null;
  let bestLimit = Infinity;
  for (const m of here) {
    if (m.zone.kind !== 'road') continue;
    const limit = params.speed.limitsKmh[m.zone.roadClass ?? params.speed.defaultRoadClass];
    if (!best || m.distanceM < best.distanceM || (m.distanceM === best.distanceM && limit < bestLimit)) {
      best = m;
      bestLimit = limit;
    }
  }
  return best
    ? { roadClass: best.zone.roadClass ?? params.speed.defaultRoadClass, zone: best.zone }
    : { roadClass: params.speed.defaultRoadClass, zone: null };
}
