import { describe, expect, it } from 'vitest';
import { resultFile, runMonitoringBench } from './monitoring-reports.js';

// Proves the monitoring-report benchmark runs (on a small fleet); the figures come from the full run on PostgreSQL,
// bench/results/monitoring-reports.json.
describe('monitoring-reports benchmark', () => {
  it('seeds positions and alarms, generates every day and reports in the results format', async () => {
    const r = await runMonitoringBench('pglite', 40, 3);
    // 40 vehicles: vehicle 100's multiple never reports (none here); 2 % are off each day ((n + d) % 50 = 1).
    expect(r.positions).toBeGreaterThan(3 * 38 * 470);
    expect(r.alarms).toBe(40 * 3 * 3);
    // Each day: the district and 20 carriers.
    expect(r.reports).toBe(3 * 21);
    expect(r.vehiclesOnlineFirstDay).toBe(39);
    // The rollup the reports read, folded at ingest, equals the exact figures from positions.
    expect(r.rollupCheck).toMatchObject({ vehicleDays: 40, dirty: 0, countMismatches: 0 });
    expect(r.rollupCheck.maxDistanceDiffM).toBeLessThan(1e-6);
    const file = resultFile(r);
    expect(file.metrics.month_of_reports).toMatchObject({ unit: 's', target: 10, better: 'lower' });
  }, 300_000);
});
