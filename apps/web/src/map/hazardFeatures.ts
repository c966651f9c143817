import type { HazardLevel, MapHazard } from '@anlan/contracts';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LngLat } from './coordinates';

export interface HazardProperties {
  hazardId: string;
  code: string;
  level: HazardLevel;
  overdue: boolean;
  /** The marker's icon: level and whether the deadline has passed. */
  icon: string;
  subjectName: string;
}

export const hazardIconId = (level: HazardLevel, overdue: boolean): string =>
  `hazard-${level}${overdue ? '-overdue' : ''}`;

/** Open hazards as one GeoJSON collection for the clustered source, placed where the base map draws them. */
export function hazardCollection(
  hazards: readonly MapHazard[],
  project: (p: LngLat) => LngLat,
): FeatureCollection<Point, HazardProperties> {
  const features: Feature<Point, HazardProperties>[] = hazards.map((h) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: project([h.lon, h.lat]) },
    properties: {
      hazardId: h.id,
      code: h.code,
      level: h.level,
      overdue: h.overdue,
      icon: hazardIconId(h.level, h.overdue),
      subjectName: h.subjectName,
    },
  }));
  return { type: 'FeatureCollection', features };
}

/** Open, major and overdue hazards, for the legend. */
export function countHazards(hazards: readonly Pick<MapHazard, 'level' | 'overdue'>[]): {
  open: number;
  major: number;
  overdue: number;
} {
  let major = 0;
  let overdue = 0;
  for (const h of hazards) {
    if (h.level === 'major') major++;
    if (h.overdue) overdue++;
  }
  return { open: hazards.length, major, overdue };
}
