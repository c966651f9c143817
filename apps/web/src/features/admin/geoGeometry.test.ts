import { lineStringGeometry, polygonGeometry, type ZoneGeometry } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02, type LngLat } from '../../map/coordinates';
import { boundsOf, editableShape, shapeOf, toDisplayGeometry, toStoredGeometry } from './geoGeometry';

/** Metres between two nearby points. */
function metres(a: readonly number[], b: readonly number[]): number {
  const k = Math.PI / 180;
  const x = (b[0]! - a[0]!) * k * Math.cos(((a[1]! + b[1]!) / 2) * k);
  const y = (b[1]! - a[1]!) * k;
  return Math.hypot(x, y) * 6_371_000;
}

// A school block in 乍浦 (WGS-84), as the API stores it.
const school: LngLat[] = [
  [121.0921, 30.6041],
  [121.0958, 30.6043],
  [121.0955, 30.6012],
  [121.0919, 30.6015],
  [121.0921, 30.6041],
];
const polygon = { type: 'Polygon' as const, coordinates: [school] };

describe('a shape drawn on a GCJ-02 base map is saved in WGS-84', () => {
  it('undoes the GCJ-02 shift (hundreds of metres here) to within a centimetre', () => {
    const drawn = { type: 'Polygon' as const, coordinates: [school.map(wgs84ToGcj02)] };
    expect(metres(drawn.coordinates[0]![0]!, school[0]!)).toBeGreaterThan(300);
    const stored = toStoredGeometry(drawn, 'gcj02');
    stored.coordinates[0]!.forEach((p, i) => expect(metres(p, school[i]!)).toBeLessThan(0.01));
  });

  it('keeps the ring closed and valid for the API, rounded to 7 decimals', () => {
    const drawn = toDisplayGeometry(polygon, 'gcj02');
    const stored = toStoredGeometry(drawn, 'gcj02');
    const ring = stored.coordinates[0]!;
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    for (const [lng, lat] of ring) {
      expect(Math.round(lng! * 1e7) / 1e7).toBe(lng);
      expect(Math.round(lat! * 1e7) / 1e7).toBe(lat);
    }
    expect(polygonGeometry.safeParse(stored).success).toBe(true);
  });

  it('changes nothing but the rounding on a WGS-84 map (offline map, 天地图, OSM)', () => {
    const line = { type: 'LineString' as const, coordinates: [[121.1, 30.6], [121.123456789, 30.61]] as LngLat[] };
    expect(toDisplayGeometry(line, 'wgs84')).toEqual(line);
    const stored = toStoredGeometry(line, 'wgs84');
    expect(stored.coordinates).toEqual([[121.1, 30.6], [121.1234568, 30.61]]);
    expect(lineStringGeometry.safeParse(stored).success).toBe(true);
  });

  it('round-trips BD-09 display coordinates to within a metre (the published BD-09 inverse is approximate)', () => {
    const stored = toStoredGeometry(toDisplayGeometry(polygon, 'bd09'), 'bd09');
    stored.coordinates[0]!.forEach((p, i) => expect(metres(p, school[i]!)).toBeLessThan(1));
  });

  it('converts every polygon of a MultiPolygon', () => {
    const multi: ZoneGeometry = { type: 'MultiPolygon', coordinates: [[school], [school.map(([x, y]): LngLat => [x + 0.01, y])]] };
    const shown = toDisplayGeometry(multi, 'gcj02');
    expect(shown.type).toBe('MultiPolygon');
    if (shown.type !== 'MultiPolygon') return;
    expect(metres(shown.coordinates[1]![0]![0]!, wgs84ToGcj02([121.1021, 30.6041]))).toBeLessThan(1e-6);
  });
});

describe('what the drawing tool can edit', () => {
  it('edits simple polygons and lines vertex by vertex', () => {
    expect(editableShape(polygon)).toEqual(polygon);
    expect(shapeOf(polygon)).toBe('polygon');
    const line: ZoneGeometry = { type: 'LineString', coordinates: [[121.1, 30.6], [121.2, 30.6]] };
    expect(editableShape(line)).toEqual(line);
    expect(shapeOf(line)).toBe('linestring');
  });

  it('leaves polygons with holes and MultiPolygons to be redrawn', () => {
    const hole = school.map(([x, y]): LngLat => [x + 0.0005, y - 0.0005]).reverse();
    expect(editableShape({ type: 'Polygon', coordinates: [school, hole] })).toBeNull();
    expect(editableShape({ type: 'MultiPolygon', coordinates: [[school]] })).toBeNull();
  });

  it('bounds a geometry for fitting the map to it', () => {
    expect(boundsOf(polygon)).toEqual([121.0919, 30.6012, 121.0958, 30.6043]);
  });
});
