import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DISTRICT_LOOP } from '../../../../../tools/simulator/src/route';
import { basemapKinds, roadClasses } from './layers';

const file = path.resolve(import.meta.dirname, '../../../public/basemap/district.geojson');
const map = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
const of = <G>(kind: string) => map.features.filter((f) => f.properties?.kind === kind) as unknown as { geometry: G; properties: Record<string, string> }[];

/** Ray casting: whether [lon, lat] lies inside a simple ring. */
function inside([x, y]: Position, ring: Position[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) hit = !hit;
  }
  return hit;
}

describe('the offline demo base map of 嘉兴港区', () => {
  it('holds only kinds the style draws, inside the district, with closed counter-clockwise rings', () => {
    for (const f of map.features) {
      expect(basemapKinds).toContain(f.properties?.kind);
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : [];
      for (const ring of rings) {
        expect(ring[0]).toEqual(ring.at(-1));
        const area = ring.slice(1).reduce((s, p, i) => s + ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!, 0);
        expect(area).toBeGreaterThan(0);
      }
      const points = JSON.stringify(f.geometry).match(/-?\d+\.\d+,-?\d+\.\d+/g) ?? [];
      for (const p of points) {
        const [lon, lat] = p.split(',').map(Number);
        expect(lon).toBeGreaterThanOrEqual(120.97);
        expect(lon).toBeLessThanOrEqual(121.21);
        expect(lat).toBeGreaterThanOrEqual(30.53);
        expect(lat).toBeLessThanOrEqual(30.71);
      }
    }
  });

  it('draws every leg of the simulator’s district loop as a road of the same class, so vehicles drive on roads', () => {
    const roads = of<LineString>('road');
    for (const r of roads) expect(roadClasses).toContain(r.properties.road);
    const expected = { expressway: ['expressway'], park: ['park'], urban: ['primary', 'street'] } as const;
    DISTRICT_LOOP.forEach((a, i) => {
      const b = DISTRICT_LOOP[(i + 1) % DISTRICT_LOOP.length]!;
      const same = (p: Position, w: { lon: number; lat: number }) => p[0] === w.lon && p[1] === w.lat;
      const road = roads.find((r) =>
        r.geometry.coordinates.some((p, k, all) => {
          const q = all[k + 1];
          return q !== undefined && ((same(p, a) && same(q, b)) || (same(p, b) && same(q, a)));
        }),
      );
      expect(road, `${a.name} → ${b.name}`).toBeDefined();
      expect(expected[a.road]).toContain(road!.properties.road);
    });
  });

  it('keeps the wharf and the town on land and the park’s centre inside its outline', () => {
    const sea = of<Polygon>('water')[0]!.geometry.coordinates[0]!;
    const park = of<Polygon>('chemical_park')[0]!.geometry.coordinates[0]!;
    for (const w of DISTRICT_LOOP) expect(inside([w.lon, w.lat], sea), w.name).toBe(false);
    expect(inside([121.055, 30.625], park)).toBe(true);
    expect(inside([121.1, 30.57], sea)).toBe(true);
  });

  it('names the places it labels, Chinese first', () => {
    const names = of<Position>('place').map((p) => p.properties.name);
    expect(names).toEqual(expect.arrayContaining(['乍浦镇', '化工园区', '杭州湾', '乍浦港区', '嘉兴港区']));
    expect(map).toHaveProperty('name', expect.stringContaining('演示底图'));
  });
});
