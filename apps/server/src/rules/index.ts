export { defaultRulesConfig, rulesConfig, rulesConfigIssues, type RulesConfig } from './config.js';
export { RulesEngine, type RulesStats } from './engine.js';
export { distanceM, Polyline, RouteIndex, ZoneIndex, type ZoneMatch } from './geometry/index.js';
export * from './types.js';
