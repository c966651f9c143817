import type { MapFeatures, MapHazard, MapRoute, MapSubject, MapZone, RiskColour } from '@anlan/contracts';
import { useMemo } from 'react';
import { useMapFeatures } from '../../api/mapFeatures';
import type { LngLat } from '../../map/coordinates';
import { countHazards, hazardCollection } from '../../map/hazardFeatures';
import { countColours, subjectCollection } from '../../map/subjectFeatures';
import { routeCollection, zoneCollection } from '../../map/zoneFeatures';

const none: MapFeatures = { subjects: [], hazards: [], zones: [], routes: [] };
const index = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));

export interface LayerCounts {
  subjects: number;
  hazards: number;
  zones: number;
  routes: number;
  colours: Record<RiskColour, number>;
  hazardKinds: { open: number; major: number; overdue: number };
}

/**
 * The map's overlay layers as GeoJSON placed for the base map, built once per answer from the server (not per
 * render: the vehicles re-render the page twice a second), with counts for the switcher and lookups for popups.
 */
export function useMapLayers(project: (p: LngLat) => LngLat) {
  const query = useMapFeatures();
  const { data } = query;
  const layers = useMemo(() => {
    const d = data ?? none;
    return {
      subjects: subjectCollection(d.subjects, project),
      hazards: hazardCollection(d.hazards, project),
      zones: zoneCollection(d.zones, project),
      routes: routeCollection(d.routes, project),
      counts: {
        subjects: d.subjects.length,
        hazards: d.hazards.length,
        zones: d.zones.length,
        routes: d.routes.length,
        colours: countColours(d.subjects),
        hazardKinds: countHazards(d.hazards),
      } satisfies LayerCounts,
      find: {
        subject: index<MapSubject>(d.subjects),
        hazard: index<MapHazard>(d.hazards),
        zone: index<MapZone>(d.zones),
        route: index<MapRoute>(d.routes),
      },
    };
  }, [data, project]);
  return { ...layers, loaded: data !== undefined, error: query.error, refetch: query.refetch };
}
