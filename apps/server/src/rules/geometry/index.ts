export { distanceM, localProjection, metresToDegrees, M_PER_DEG, type LocalProjection } from './projection.js';
export { Polyline } from './polyline.js';
export { RouteIndex } from './route-index.js';
export { DEFAULT_CORRIDOR_M, ZoneIndex, type ZoneMatch } from './zone-index.js';
