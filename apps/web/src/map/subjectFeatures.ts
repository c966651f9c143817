import type { MapSubject, RiskColour, SubjectType } from '@anlan/contracts';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LngLat } from './coordinates';

/** Worst first: a cluster takes the colour of its worst subject. */
export const riskColoursBySeverity = ['red', 'orange', 'yellow', 'blue'] as const satisfies readonly RiskColour[];

export interface SubjectProperties {
  subjectId: string;
  name: string;
  type: SubjectType;
  colour: RiskColour;
  /** 0 = red … 3 = blue: sorts red on top and lets clusters count by colour without string matching. */
  rank: number;
  escalated: boolean;
  openHazards: number;
}

/** Subjects as one GeoJSON collection for the clustered source, placed where the base map draws them. */
export function subjectCollection(
  subjects: readonly MapSubject[],
  project: (p: LngLat) => LngLat,
): FeatureCollection<Point, SubjectProperties> {
  const features: Feature<Point, SubjectProperties>[] = subjects.map((s) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: project([s.lon, s.lat]) },
    properties: {
      subjectId: s.id,
      name: s.name,
      type: s.type,
      colour: s.colour,
      rank: riskColoursBySeverity.indexOf(s.colour),
      escalated: s.escalation !== 'none',
      openHazards: s.openHazards,
    },
  }));
  return { type: 'FeatureCollection', features };
}

/** How many subjects are in each colour, for the legend. */
export function countColours(subjects: readonly Pick<MapSubject, 'colour'>[]): Record<RiskColour, number> {
  const counts: Record<RiskColour, number> = { red: 0, orange: 0, yellow: 0, blue: 0 };
  for (const s of subjects) counts[s.colour]++;
  return counts;
}
