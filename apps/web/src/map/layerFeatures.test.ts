import type { MapHazard, MapRoute, MapSubject, MapZone } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02, type LngLat } from './coordinates';
import { countHazards, hazardCollection } from './hazardFeatures';
import { pickOf } from './pickFeature';
import { countColours, subjectCollection } from './subjectFeatures';
import { corridorWidth, pixelsPerMetre, routeCollection, zoneCollection } from './zoneFeatures';

const subject: MapSubject = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '三江化工AEO装置',
  type: 'chemical_enterprise',
  lat: 30.61,
  lon: 121.08,
  colour: 'orange',
  escalation: 'listed',
  openHazards: 2,
};
const hazard: MapHazard = {
  id: '00000000-0000-4000-8000-000000000002',
  code: 'YH-2026-0001',
  level: 'major',
  status: 'rectifying',
  category: '起重机械',
  subjectId: subject.id,
  subjectName: subject.name,
  lat: 30.611,
  lon: 121.081,
  overdue: true,
  escalation: 'none',
};
const ring: LngLat[] = [
  [121.08, 30.6],
  [121.082, 30.6],
  [121.082, 30.602],
  [121.08, 30.6],
];
const school: MapZone = {
  id: '00000000-0000-4000-8000-000000000003',
  name: '乍浦小学',
  kind: 'restricted',
  category: 'school',
  geometry: { type: 'Polygon', coordinates: [ring] },
  bufferM: null,
  speedLimitKmh: null,
};
const tunnel: MapZone = {
  ...school,
  id: '00000000-0000-4000-8000-000000000004',
  name: '隧道',
  kind: 'road',
  geometry: { type: 'LineString', coordinates: [ring[0]!, ring[1]!] },
  bufferM: 30,
};
const route: MapRoute = {
  id: '00000000-0000-4000-8000-000000000005',
  name: '公共危货通道',
  organisationName: null,
  geometry: { type: 'LineString', coordinates: [ring[0]!, ring[2]!] },
  bufferM: 200,
};

describe('map layer features', () => {
  it('places subjects where the base map draws them, with what the circle and the popup need', () => {
    const c = subjectCollection([subject], wgs84ToGcj02);
    expect(c.features[0]!.geometry.coordinates).toEqual(wgs84ToGcj02([121.08, 30.61]));
    expect(c.features[0]!.properties).toEqual({
      subjectId: subject.id,
      name: subject.name,
      type: 'chemical_enterprise',
      colour: 'orange',
      rank: 1,
      escalated: true,
      openHazards: 2,
    });
    expect(countColours([subject, { ...subject, colour: 'red' }, { ...subject, colour: 'red' }])).toEqual({
      red: 2,
      orange: 1,
      yellow: 0,
      blue: 0,
    });
  });

  it('marks hazards by level and overdue, and counts them for the legend', () => {
    const c = hazardCollection([hazard, { ...hazard, level: 'general', overdue: false }], wgs84ToGcj02);
    expect(c.features[0]!.geometry.coordinates).toEqual(wgs84ToGcj02([121.081, 30.611]));
    expect(c.features.map((f) => f.properties.icon)).toEqual(['hazard-major-overdue', 'hazard-general']);
    expect(c.features[0]!.properties).toMatchObject({
      hazardId: hazard.id,
      code: 'YH-2026-0001',
      subjectName: subject.name,
    });
    expect(countHazards([hazard, { ...hazard, overdue: false }, { ...hazard, level: 'general' }])).toEqual({
      open: 3,
      major: 2,
      overdue: 2,
    });
  });

  it('converts every vertex of zones and routes, and tells areas from corridors', () => {
    const zones = zoneCollection([school, tunnel], wgs84ToGcj02);
    expect(zones.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [ring.map(wgs84ToGcj02)] });
    expect(zones.features.map((f) => [f.properties.shape, f.properties.bufferM])).toEqual([
      ['area', 0],
      ['line', 30],
    ]);
    const routes = routeCollection([route], (p) => p);
    expect(routes.features[0]!.geometry).toEqual(route.geometry);
    expect(routes.features[0]!.properties).toEqual({ routeId: route.id, name: '公共危货通道', bufferM: 200 });
  });

  it('draws a corridor as wide as its buffer on both sides at every zoom', () => {
    // Zoom 16 near 30.6° N (512-px tiles): about 1.03 m per pixel.
    expect(1 / pixelsPerMetre(16, 30.6)).toBeCloseTo(1.028, 3);
    const width = corridorWidth(30.6);
    expect(width.slice(0, 3)).toEqual(['interpolate', ['exponential', 2], ['zoom']]);
    const [, , , z0, w0, z1, w1] = width as unknown as [
      string,
      unknown,
      unknown,
      number,
      [string, number, unknown],
      number,
      [string, number, unknown],
    ];
    expect(w0[1]).toBeCloseTo(2 * pixelsPerMetre(z0, 30.6));
    // Base-2 interpolation between the stops keeps the width true at every zoom in between.
    expect(w1[1] / w0[1]).toBeCloseTo(2 ** (z1 - z0));
  });
});

describe('what a click on the map picks', () => {
  const point = (source: string, properties: Record<string, unknown>) => ({
    source,
    properties,
    geometry: { type: 'Point' as const, coordinates: [121.1, 30.6] },
  });
  const area = (source: string, properties: Record<string, unknown>) => ({
    source,
    properties,
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
  });

  it('takes the topmost feature: a point opens at the point, an area where the pointer is', () => {
    expect(
      pickOf(
        [
          point('hazards', { hazardId: 'h1', code: 'YH-1', subjectName: '工地' }),
          area('zones', { zoneId: 'z1', name: '乍浦小学' }),
        ],
        [121.2, 30.7],
      ),
    ).toEqual({
      kind: 'hazard',
      id: 'h1',
      name: 'YH-1 · 工地',
      at: [121.1, 30.6],
    });
    expect(pickOf([area('zones', { zoneId: 'z1', name: '乍浦小学' })], [121.081, 30.601])).toEqual({
      kind: 'zone',
      id: 'z1',
      name: '乍浦小学',
      at: [121.081, 30.601],
    });
  });

  it('zooms into clusters, leaves vehicles to their own panel, and picks nothing on empty map', () => {
    expect(pickOf([point('subjects', { cluster_id: 7, point_count: 12 })], [0, 0])).toEqual({
      kind: 'cluster',
      source: 'subjects',
      clusterId: 7,
      center: [121.1, 30.6],
    });
    expect(
      pickOf([point('vehicles', { vehicleId: 'v1' }), point('subjects', { subjectId: 's1', name: '工地' })], [0, 0]),
    ).toEqual({ kind: 'other' });
    expect(pickOf([], [0, 0])).toEqual({ kind: 'nothing' });
  });
});
