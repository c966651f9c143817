import type { RuleRoute } from '../types.js';
import { Polyline } from './polyline.js';

interface PreparedRoute {
  route: RuleRoute;
  line: Polyline;
}

/** Approved routes by id, each projected once, for "how far is this vehicle from its route". */
export class RouteIndex {
  readonly skipped: readonly string[];
  private readonly routes = new Map<string, PreparedRoute>();

  constructor(routes: readonly RuleRoute[]) {
    const skipped: string[] = [];
    for (const route of routes) {
      const c = route.geometry.coordinates;
      const usable = c.length >= 2 && c.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
      if (usable && route.bufferM > 0) this.routes.set(route.id, { route, line: new Polyline(c) });
      else skipped.push(route.id);
    }
    this.skipped = skipped;
  }

  get size(): number {
    return this.routes.size;
  }

  route(id: string): RuleRoute | undefined {
    return this.routes.get(id)?.route;
  }

  /**
   * Metres from (lat, lon) to the route's line, or null for an unknown route. `nearM` (e.g. the corridor width) makes
   * the common answer — inside the corridor — cheap on long routes.
   */
  distanceM(routeId: string, lat: number, lon: number, nearM = 0): number | null {
    const r = this.routes.get(routeId);
    return r ? r.line.distanceM(lat, lon, nearM) : null;
  }
}
