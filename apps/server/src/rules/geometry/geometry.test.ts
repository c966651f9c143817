import pointInPolygon from 'point-in-polygon-hao';
import { describe, expect, it } from 'vitest';
import { offset, road, square, zone } from '../testing/tracks.js';
import type { RuleZone } from '../types.js';
import { Polyline } from './polyline.js';
import { distanceM } from './projection.js';
import { RouteIndex } from './route-index.js';
import { ZoneIndex } from './zone-index.js';

const C = { lat: 30.62, lon: 121.06 };

/** A deterministic pseudo-random sequence (tests must replay exactly). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ring(lat: number, lon: number, halfM: number): number[][] {
  const z = square('x', lat, lon, halfM);
  return (z.geometry as { coordinates: number[][][] }).coordinates[0]!;
}

describe('zone index', () => {
  it('point in polygon with holes; a point on the edge is inside; multipolygons', () => {
    const donut = zone('donut', { type: 'Polygon', coordinates: [ring(C.lat, C.lon, 500), ring(C.lat, C.lon, 200)] });
    const twoParts = zone('two', {
      type: 'MultiPolygon',
      coordinates: [[ring(C.lat, C.lon + 0.05, 100)], [ring(C.lat, C.lon - 0.05, 100)]],
    });
    const index = new ZoneIndex([donut, twoParts]);
    const ids = (p: { lat: number; lon: number }) => index.zonesAt(p.lat, p.lon).map((z) => z.id);
    expect(ids(C)).toEqual([]);
    expect(ids(offset(C.lat, C.lon, 350, 90))).toEqual(['donut']);
    expect(ids(offset(C.lat, C.lon, 600, 90))).toEqual([]);
    const edge = ring(C.lat, C.lon, 500)[0]!;
    expect(ids({ lat: edge[1]!, lon: edge[0]! })).toEqual(['donut']);
    expect(ids({ lat: C.lat, lon: C.lon + 0.05 })).toEqual(['two']);
    expect(ids({ lat: C.lat, lon: C.lon - 0.05 })).toEqual(['two']);
  });

  it('a corridor holds points within bufferM of its line (round ends), with the distance to the line', () => {
    const g = road('g92', 'expressway', C, 5000, 90, { bufferM: 50 });
    const index = new ZoneIndex([g]);
    const mid = offset(C.lat, C.lon, 2500, 90);
    const m = index.matchAt(offset(mid.lat, mid.lon, 40, 0).lat, mid.lon);
    expect(m).toHaveLength(1);
    expect(m[0]!.distanceM).toBeCloseTo(40, 0);
    expect(index.matchAt(offset(mid.lat, mid.lon, 60, 180).lat, mid.lon)).toEqual([]);
    const end = offset(C.lat, C.lon, 5000 + 40, 90);
    expect(index.zonesAt(end.lat, end.lon).map((z) => z.id)).toEqual(['g92']);
    expect(index.zonesAt(offset(C.lat, C.lon, 5060, 90).lat, offset(C.lat, C.lon, 5060, 90).lon)).toEqual([]);
  });

  it('near(): distance to the nearest edge, 0 inside', () => {
    const school = square('school', C.lat, C.lon, 100, { kind: 'sensitive' });
    const index = new ZoneIndex([school]);
    const p = offset(C.lat, C.lon, 250, 90);
    expect(index.near(p.lat, p.lon, 200)).toHaveLength(1);
    expect(index.near(p.lat, p.lon, 200)[0]!.distanceM).toBeCloseTo(150, 0);
    expect(index.near(p.lat, p.lon, 100)).toEqual([]);
    expect(index.near(C.lat, C.lon, 10)[0]!.distanceM).toBe(0);
    expect(index.near(p.lat, p.lon, 200, (z) => z.kind === 'restricted')).toEqual([]);
  });

  it('leaves out unusable geometry instead of failing, and closes open rings', () => {
    const open = ring(C.lat, C.lon, 100).slice(0, 4);
    const index = new ZoneIndex([
      zone('open', { type: 'Polygon', coordinates: [open] }),
      zone('bad', {
        type: 'Polygon',
        coordinates: [
          [
            [1, 2],
            [3, 4],
          ],
        ],
      }),
      zone('nan', {
        type: 'LineString',
        coordinates: [
          [Number.NaN, 1],
          [2, 2],
        ],
      }),
    ]);
    expect(index.skipped).toEqual(['bad', 'nan']);
    expect(index.zonesAt(C.lat, C.lon).map((z) => z.id)).toEqual(['open']);
  });

  it('5,000 zones: the indexed answer equals brute force', () => {
    const rnd = lcg(42);
    const zones: RuleZone[] = [];
    for (let i = 0; i < 5000; i++) {
      const lat = 30.55 + rnd() * 0.15;
      const lon = 120.95 + rnd() * 0.25;
      if (i % 4 === 3) {
        const points: number[][] = [[lon, lat]];
        let p = { lat, lon };
        for (let k = 0; k < 2 + Math.floor(rnd() * 60); k++) {
          p = offset(p.lat, p.lon, 50 + rnd() * 400, rnd() * 360);
          points.push([p.lon, p.lat]);
        }
        zones.push(
          zone(`c${i}`, { type: 'LineString', coordinates: points }, { kind: 'road', bufferM: 10 + rnd() * 200 }),
        );
      } else {
        const half = 30 + rnd() * 800;
        const rings = [ring(lat, lon, half)];
        if (i % 5 === 0) rings.push(ring(lat, lon, half / 3));
        zones.push(zone(`p${i}`, { type: 'Polygon', coordinates: rings }));
      }
    }
    const index = new ZoneIndex(zones);
    const lines = new Map(
      zones
        .filter((z) => z.geometry.type === 'LineString')
        .map((z) => [z.id, new Polyline(z.geometry.coordinates as number[][])]),
    );
    // Exhaustive: every zone tested exactly (an outer ring's own extent skips the hopeless ones quickly).
    const extent = new Map(
      zones.map((z) => {
        const c = z.geometry.coordinates.flat(2) as number[];
        const lons = c.filter((_, i) => i % 2 === 0);
        const lats = c.filter((_, i) => i % 2 === 1);
        return [z.id, [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]] as const;
      }),
    );
    const brute = (lat: number, lon: number) =>
      zones
        .filter((z) => {
          if (z.geometry.type === 'LineString') return lines.get(z.id)!.distanceM(lat, lon) <= z.bufferM!;
          const [x0, y0, x1, y1] = extent.get(z.id)!;
          return (
            lon >= x0 &&
            lon <= x1 &&
            lat >= y0 &&
            lat <= y1 &&
            pointInPolygon([lon, lat], z.geometry.coordinates as number[][][]) !== false
          );
        })
        .map((z) => z.id)
        .sort();
    let hits = 0;
    for (let q = 0; q < 200; q++) {
      // Half the points anywhere in the district, half close to some zone (where the answers are).
      const near = zones[Math.floor(rnd() * zones.length)]!.geometry.coordinates.flat(2) as number[];
      const p =
        q % 2 === 0
          ? { lat: 30.55 + rnd() * 0.15, lon: 120.95 + rnd() * 0.25 }
          : offset(near[1]!, near[0]!, rnd() * 300, rnd() * 360);
      const got = index
        .zonesAt(p.lat, p.lon)
        .map((z) => z.id)
        .sort();
      expect(got).toEqual(brute(p.lat, p.lon));
      hits += got.length;
    }
    expect(hits).toBeGreaterThan(100);
  });
});

describe('polylines and routes', () => {
  it('distance to a polyline in metres, the segment index agreeing with the full scan', () => {
    const rnd = lcg(7);
    const coords: number[][] = [];
    let p = C;
    for (let i = 0; i < 300; i++) {
      coords.push([p.lon, p.lat]);
      p = offset(p.lat, p.lon, 100 + rnd() * 300, 60 + rnd() * 60);
    }
    const line = new Polyline(coords);
    for (let i = 0; i < 300; i++) {
      const base = coords[Math.floor(rnd() * coords.length)]!;
      const q = offset(base[1]!, base[0]!, rnd() * 1500, rnd() * 360);
      const exact = line.distanceM(q.lat, q.lon);
      expect(line.distanceM(q.lat, q.lon, 500)).toBeCloseTo(exact, 6);
      // Never further than a vertex (the two projections differ by well under 0.1 %).
      expect(exact).toBeLessThanOrEqual(distanceM(q.lat, q.lon, base[1]!, base[0]!) * 1.001);
    }
    const side = offset(C.lat, C.lon, 120, 0);
    const straight = new Polyline([
      [C.lon, C.lat],
      [offset(C.lat, C.lon, 1000, 90).lon, C.lat],
    ]);
    expect(straight.distanceM(side.lat, offset(side.lat, side.lon, 500, 90).lon)).toBeCloseTo(120, 0);
  });

  it('route distance by id; unknown route: null', () => {
    const to = offset(C.lat, C.lon, 10_000, 90);
    const routes = new RouteIndex([
      {
        id: 'r',
        name: 'r',
        bufferM: 100,
        geometry: {
          type: 'LineString',
          coordinates: [
            [C.lon, C.lat],
            [to.lon, to.lat],
          ],
        },
      },
    ]);
    const q = offset(offset(C.lat, C.lon, 5000, 90).lat, offset(C.lat, C.lon, 5000, 90).lon, 300, 0);
    expect(routes.distanceM('r', q.lat, q.lon, 150)).toBeCloseTo(300, 0);
    expect(routes.distanceM('nope', q.lat, q.lon)).toBeNull();
  });
});
