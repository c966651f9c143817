import { describe, expect, it } from 'vitest';
import { resultFile, runXlsxExportBench } from './xlsx-export.js';

describe('xlsx-export bench', () => {
  it('streams a small ledger and reports in the results format', async () => {
    const result = await runXlsxExportBench(2000);
    expect(result.rows).toBe(2000);
    expect(result.fileBytes).toBeGreaterThan(10_000);
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    const file = resultFile(result) as { name: string; params: { rows: number }; metrics: Record<string, object> };
    expect(file.name).toBe('xlsx-export');
    expect(file.params.rows).toBe(2000);
    expect(file.metrics.peak_rss_increase).toMatchObject({ unit: 'MB', target: 200, better: 'lower' });
    expect(file.metrics.rows_per_second).toMatchObject({ unit: 'rows/s', better: 'higher' });
  });
});
