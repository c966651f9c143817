import { describe, expect, it } from 'vitest';
import { measureRules, resultFile } from './rules.js';
import { benchSeconds, benchZones } from './rules-world.js';

describe('rules bench', () => {
  it('runs briefly and reports in the results format', () => {
    const r = measureRules({ vehicles: 200, zones: 500, seconds: 3, warmupS: 1, zoneQueries: 200 });
    expect(r.params.positions).toBeGreaterThan(500);
    expect(r.cores).toBeGreaterThan(0);
    expect(r.positionsPerCpuSecond).toBeGreaterThan(0);
    expect(r.zonesAtP99Us).toBeGreaterThanOrEqual(r.zonesAtP50Us);
    const file = resultFile(r) as {
      name: string;
      metrics: Record<string, { unit: string; target?: number; better: string }>;
    };
    expect(file.name).toBe('rules');
    expect(file.metrics.cores_used).toMatchObject({ unit: 'cores', target: 1, better: 'lower' });
    // engine_heap follows when the run has --expose-gc.
    expect(Object.keys(file.metrics).slice(0, 4)).toEqual([
      'cores_used',
      'positions_per_cpu_second',
      'zones_at_p50',
      'zones_at_p99',
    ]);
  }, 60_000);

  it('builds the same world every time, with the disorder it promises', () => {
    expect(benchZones(300)).toEqual(benchZones(300));
    const seconds = benchSeconds(200, 80);
    const all = seconds.flatMap((s) => s.positions);
    expect(all).toHaveLength(200 * 80);
    expect(all.some((p) => p.blindArea)).toBe(true);
    expect(seconds.every((s) => s.vehicles.length === s.positions.length)).toBe(true);
  });
});
