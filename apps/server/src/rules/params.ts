import type { RulesConfig } from './config.js';

/**
 * The thresholds for one vehicle class: the general values with the class's overrides applied. Same shape as the
 * config, so every rule reads one object whatever the class.
 */
export function resolveParams(config: RulesConfig, vehicleClass: string): RulesConfig {
  const o = Object.hasOwn(config.vehicleClasses, vehicleClass) ? config.vehicleClasses[vehicleClass] : undefined;
  if (!o) return config;
  const limits = o.speedLimitsKmh ?? {};
  return {
    ...config,
    speed: {
      ...config.speed,
      limitsKmh: {
        expressway: limits.expressway ?? config.speed.limitsKmh.expressway,
        urban: limits.urban ?? config.speed.limitsKmh.urban,
        park: limits.park ?? config.speed.limitsKmh.park,
      },
    },
    fatigue: {
      ...config.fatigue,
      continuousLimitMin: o.continuousLimitMin ?? config.fatigue.continuousLimitMin,
      dailyLimitMin: o.dailyLimitMin ?? config.fatigue.dailyLimitMin,
    },
    parking: { ...config.parking, maxMin: o.parkingMaxMin ?? config.parking.maxMin },
  };
}

/** resolveParams, once per class per config. */
export class ParamsCache {
  private readonly byClass = new Map<string, RulesConfig>();
  constructor(readonly config: RulesConfig) {}

  get(vehicleClass: string): RulesConfig {
    let p = this.byClass.get(vehicleClass);
    if (!p) {
      p = resolveParams(this.config, vehicleClass);
      this.byClass.set(vehicleClass, p);
    }
    return p;
  }
}
