import type { LivePosition } from '@anlan/contracts';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LngLat } from './coordinates';

/** What a vehicle's symbol shows, most urgent first: offline, an alarm bit set, moving, stopped. */
export const vehicleStates = ['offline', 'alarm', 'moving', 'stopped'] as const;
export type VehicleState = (typeof vehicleStates)[number];

/** Below this a vehicle counts as standing still (GNSS speed jitters around zero when parked). */
export const MOVING_KMH = 1;

export const stateColours: Record<VehicleState, string> = {
  offline: '#8c8c8c',
  alarm: '#d9363e',
  moving: '#389e0d',
  stopped: '#1677ff',
};

export function vehicleState(p: Pick<LivePosition, 'online' | 'alarmBits' | 'speedKmh'>): VehicleState {
  if (!p.online) return 'offline';
  if (p.alarmBits !== 0) return 'alarm';
  return p.speedKmh >= MOVING_KMH ? 'moving' : 'stopped';
}

export interface VehicleProperties {
  vehicleId: string;
  plate: string;
  state: VehicleState;
  heading: number;
  speedKmh: number;
}

/** The vehicles as one GeoJSON collection for the map's clustered source, placed where the base map draws them. */
export function vehicleCollection(
  positions: Iterable<LivePosition>,
  project: (p: LngLat) => LngLat,
): FeatureCollection<Point, VehicleProperties> {
  const features: Feature<Point, VehicleProperties>[] = [];
  for (const p of positions) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: project([p.lon, p.lat]) },
      properties: { vehicleId: p.vehicleId, plate: p.plate, state: vehicleState(p), heading: p.heading, speedKmh: p.speedKmh },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** How many vehicles are in each state, for the legend. */
export function countStates(positions: Iterable<LivePosition>): Record<VehicleState, number> {
  const counts: Record<VehicleState, number> = { offline: 0, alarm: 0, moving: 0, stopped: 0 };
  for (const p of positions) counts[vehicleState(p)]++;
  return counts;
}
