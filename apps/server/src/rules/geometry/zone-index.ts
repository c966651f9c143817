import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import type { RuleZone } from '../types.js';
import { Polyline } from './polyline.js';
import { distanceM, localProjection, metresToDegrees, segmentDistanceSq } from './projection.js';

/** A zone under a point: `distanceM` is 0 inside an area, the distance to the centre line inside a corridor. */
export interface ZoneMatch {
  zone: RuleZone;
  distanceM: number;
}

/** Half-width of a LineString zone stored without bufferM (the contract requires one; old rows may lack it). */
export const DEFAULT_CORRIDOR_M = 25;
/**
 * Corridors enter the index piecewise: segments cut to at most MAX_SEGMENT_M (the cut points lie on the line, so
 * distances do not change), then CHUNK_SEGMENTS segments per entry. A 5 km expressway as one box would overlap every
 * query along it and slow down the whole tree.
 */
const CHUNK_SEGMENTS = 8;
const MAX_SEGMENT_M = 250;

type Item =
  | { type: 'area'; zone: number; rings: number[][][] }
  | { type: 'corridor'; zone: number; line: Polyline; from: number; to: number; bufferM: number };

const finite = (p: readonly number[] | undefined): p is number[] =>
  p !== undefined && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** A ring closed as point-in-polygon-hao requires (it throws on an open ring), or null when unusable. */
function closedRing(ring: readonly (readonly number[])[]): number[][] | null {
  if (ring.length < 3 || !ring.every(finite)) return null;
  const out = ring.map((p) => [p[0]!, p[1]!]);
  const a = out[0]!;
  const b = out[out.length - 1]!;
  if (a[0] !== b[0] || a[1] !== b[1]) out.push([a[0]!, a[1]!]);
  return out.length >= 4 ? out : null;
}

/**
 * Zones for fast point queries: one static R-tree (flatbush) over the bounding boxes of every polygon and of every
 * piece of every corridor, then the exact test on the few candidates — point-in-polygon-hao for areas (holes
 * included, a point on the edge counts as inside), planar distance to the centre line for corridors. Zones with
 * unusable geometry are left out and listed in `skipped`.
 */
export class ZoneIndex {
  readonly zones: readonly RuleZone[];
  readonly skipped: readonly string[];
  private readonly items: Item[] = [];
  private readonly tree: Flatbush | null;
  private readonly seen: Int32Array;
  private readonly slot: Int32Array;
  private stamp = 0;
  /** Scratch [lon, lat] for point-in-polygon: no array per candidate on the hot path. */
  private readonly point = [0, 0];

  constructor(zones: readonly RuleZone[]) {
    const accepted: RuleZone[] = [];
    const skipped: string[] = [];
    const boxes: number[] = [];
    for (const zone of zones) {
      const before = this.items.length;
      const ok = this.prepare(zone, accepted.length, boxes);
      if (ok) accepted.push(zone);
      else {
        this.items.length = before;
        boxes.length = before * 4;
        skipped.push(zone.id);
      }
    }
    this.zones = accepted;
    this.skipped = skipped;
    this.seen = new Int32Array(accepted.length);
    this.slot = new Int32Array(accepted.length);
    if (this.items.length === 0) this.tree = null;
    else {
      const tree = new Flatbush(this.items.length);
      for (let i = 0; i < boxes.length; i += 4) tree.add(boxes[i]!, boxes[i + 1]!, boxes[i + 2]!, boxes[i + 3]!);
      tree.finish();
      this.tree = tree;
    }
  }

  /** The zones containing (lat, lon). */
  zonesAt(lat: number, lon: number): RuleZone[] {
    return this.matchAt(lat, lon).map((m) => m.zone);
  }

  /** The zones containing (lat, lon), with the distance to a corridor's centre line. */
  matchAt(lat: number, lon: number): ZoneMatch[] {
    const out: ZoneMatch[] = [];
    if (!this.tree) return out;
    const stamp = this.nextStamp();
    const point = this.point;
    point[0] = lon;
    point[1] = lat;
    for (const i of this.tree.search(lon, lat, lon, lat)) {
      const item = this.items[i]!;
      let d: number;
      if (item.type === 'area') {
        if (this.seen[item.zone] === stamp || pointInPolygon(point, item.rings) === false) continue;
        d = 0;
      } else {
        const dsq = item.line.rangeDistanceSq(item.line.x(lon), item.line.y(lat), item.from, item.to);
        if (dsq > item.bufferM * item.bufferM) continue;
        d = Math.sqrt(dsq);
      }
      this.record(out, item.zone, d, stamp);
    }
    return out;
  }

  /**
   * Zones within `radiusM` of (lat, lon) that `accept` lets through, with the distance to each zone's edge (0 inside).
   * Slower than matchAt (exact distance to every edge of each candidate): for occasional questions such as "is this
   * stop near a school".
   */
  near(lat: number, lon: number, radiusM: number, accept: (zone: RuleZone) => boolean = () => true): ZoneMatch[] {
    const out: ZoneMatch[] = [];
    if (!this.tree) return out;
    const { dLat, dLon } = metresToDegrees(lat, radiusM);
    const stamp = this.nextStamp();
    for (const i of this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const item = this.items[i]!;
      if (!accept(this.zones[item.zone]!)) continue;
      const d = item.type === 'area' ? areaDistanceM(item.rings, lat, lon) : corridorEdgeDistanceM(item, lat, lon);
      if (d <= radiusM) this.record(out, item.zone, d, stamp);
    }
    return out;
  }

  private nextStamp(): number {
    this.stamp = this.stamp === 0x7fffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }

  /** One match per zone (a zone may be several index entries): the smallest distance wins. */
  private record(out: ZoneMatch[], zone: number, d: number, stamp: number): void {
    if (this.seen[zone] === stamp) {
      const m = out[this.slot[zone]!]!;
      if (d < m.distanceM) m.distanceM = d;
      return;
    }
    this.seen[zone] = stamp;
    this.slot[zone] = out.length;
    out.push({ zone: this.zones[zone]!, distanceM: d });
  }

  private prepare(zone: RuleZone, index: number, boxes: number[]): boolean {
    const g = zone.geometry;
    if (g.type === 'LineString') {
      if (g.coordinates.length < 2 || !g.coordinates.every(finite)) return false;
      const bufferM = zone.bufferM ?? DEFAULT_CORRIDOR_M;
      if (!(bufferM > 0)) return false;
      const coords = densify(g.coordinates, MAX_SEGMENT_M);
      const line = new Polyline(coords);
      for (let from = 0; from < line.segments; from += CHUNK_SEGMENTS) {
        const to = Math.min(from + CHUNK_SEGMENTS, line.segments);
        this.items.push({ type: 'corridor', zone: index, line, from, to, bufferM });
        pushBox(boxes, coords.slice(from, to + 1), bufferM);
      }
      return true;
    }
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (polygons.length === 0) return false;
    for (const polygon of polygons) {
      const rings = polygon.map(closedRing);
      if (rings.length === 0 || rings.some((r) => r === null)) return false;
      this.items.push({ type: 'area', zone: index, rings: rings as number[][][] });
      pushBox(boxes, rings[0]!, 0);
    }
    return true;
  }
}

/** The line with extra vertices so that no segment is longer than maxM (equirectangular: straight stays straight). */
function densify(coords: readonly (readonly number[])[], maxM: number): number[][] {
  const out: number[][] = [[coords[0]![0]!, coords[0]![1]!]];
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1]!;
    const b = coords[i]!;
    const pieces = Math.ceil(distanceM(a[1]!, a[0]!, b[1]!, b[0]!) / maxM);
    for (let k = 1; k < pieces; k++)
      out.push([a[0]! + ((b[0]! - a[0]!) * k) / pieces, a[1]! + ((b[1]! - a[1]!) * k) / pieces]);
    out.push([b[0]!, b[1]!]);
  }
  return out;
}

function pushBox(boxes: number[], coords: readonly (readonly number[])[], bufferM: number): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const c of coords) {
    minX = Math.min(minX, c[0]!);
    maxX = Math.max(maxX, c[0]!);
    minY = Math.min(minY, c[1]!);
    maxY = Math.max(maxY, c[1]!);
  }
  const { dLat, dLon } = metresToDegrees(Math.max(Math.abs(minY), Math.abs(maxY)), bufferM);
  boxes.push(minX - dLon, minY - dLat, maxX + dLon, maxY + dLat);
}

/** 0 inside the polygon (not in a hole), else the distance to its nearest edge, holes' edges included. */
function areaDistanceM(rings: number[][][], lat: number, lon: number): number {
  if (pointInPolygon([lon, lat], rings) !== false) return 0;
  const p = localProjection(lat, lon);
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const d = segmentDistanceSq(
        0,
        0,
        (a[0]! - lon) * p.kx,
        (a[1]! - lat) * p.ky,
        (b[0]! - lon) * p.kx,
        (b[1]! - lat) * p.ky,
      );
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

function corridorEdgeDistanceM(item: Extract<Item, { type: 'corridor' }>, lat: number, lon: number): number {
  const d = Math.sqrt(item.line.rangeDistanceSq(item.line.x(lon), item.line.y(lat), item.from, item.to));
  return Math.max(0, d - item.bufferM);
}
