import { describe, expect, it } from 'vitest';
import { runLedgerBench } from './ledger.js';

// Proves the ledger benchmark runs (on a small data set); the figures come from the full run, bench/results/ledger-*.json.
describe('ledger benchmark', () => {
  it('seeds, queries, counts and exports on PGlite', async () => {
    const r = await runLedgerBench('pglite', 3000, 2000);
    expect(r.hazards).toBe(3000);
    expect(r.queries).toBe(180);
    expect(r.exportRows).toBe(2000);
  }, 180_000);
});
