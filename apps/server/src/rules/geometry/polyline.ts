import Flatbush from 'flatbush';
import { localProjection, segmentDistanceSq, type LocalProjection } from './projection.js';

/** Lines longer than this many segments get their own segment index: a route may hold thousands of vertices. */
const INDEX_FROM_SEGMENTS = 32;

/**
 * A WGS-84 polyline ([lon, lat] pairs) projected once onto a local plane around its first vertex, so that the distance
 * from a point is planar arithmetic over its segments.
 */
export class Polyline {
  readonly projection: LocalProjection;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Number of segments (vertices − 1). */
  readonly segments: number;
  private readonly index: Flatbush | null;

  constructor(coordinates: readonly (readonly number[])[]) {
    const first = coordinates[0]!;
    this.projection = localProjection(first[1]!, first[0]!);
    const n = coordinates.length;
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = coordinates[i]!;
      this.xs[i] = this.x(c[0]!);
      this.ys[i] = this.y(c[1]!);
    }
    this.segments = Math.max(n - 1, 0);
    this.index = this.segments >= INDEX_FROM_SEGMENTS ? this.buildIndex() : null;
  }

  /** Plane x (metres east of the first vertex) of a longitude. */
  x(lon: number): number {
    return (lon - this.projection.lon0) * this.projection.kx;
  }

  /** Plane y (metres north of the first vertex) of a latitude. */
  y(lat: number): number {
    return (lat - this.projection.lat0) * this.projection.ky;
  }

  /** Smallest squared distance from plane point (px, py) to segments [from, to). */
  rangeDistanceSq(px: number, py: number, from: number, to: number): number {
    let best = Infinity;
    const xs = this.xs;
    const ys = this.ys;
    for (let i = from; i < to; i++) {
      const d = segmentDistanceSq(px, py, xs[i]!, ys[i]!, xs[i + 1]!, ys[i + 1]!);
      if (d < best) best = d;
    }
    return best;
  }

  /**
   * Distance in metres from (lat, lon) to the line. `nearM` is a hint: when the point lies within it, only the
   * segments near the point are looked at.
   */
  distanceM(lat: number, lon: number, nearM = 0): number {
    const px = this.x(lon);
    const py = this.y(lat);
    if (this.segments === 0) return Math.hypot(px - this.xs[0]!, py - this.ys[0]!);
    if (this.index && nearM > 0) {
      let best = Infinity;
      for (const i of this.index.search(px - nearM, py - nearM, px + nearM, py + nearM)) {
        const d = this.rangeDistanceSq(px, py, i, i + 1);
        if (d < best) best = d;
      }
      // Every segment outside the box is further than nearM: a hit inside it is the true minimum.
      if (best <= nearM * nearM) return Math.sqrt(best);
    }
    return Math.sqrt(this.rangeDistanceSq(px, py, 0, this.segments));
  }

  private buildIndex(): Flatbush {
    const index = new Flatbush(this.segments);
    for (let i = 0; i < this.segments; i++) {
      const ax = this.xs[i]!;
      const ay = this.ys[i]!;
      const bx = this.xs[i + 1]!;
      const by = this.ys[i + 1]!;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
    return index;
  }
}
