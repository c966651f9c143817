import { describe, expect, it } from 'vitest';
import { openPerDay } from './trend';

const h = (status: 'found' | 'closed' | 'void', foundAt: string, closedAt: string | null = null) => ({ status, foundAt, closedAt });

describe('openPerDay', () => {
  it('counts hazards found and not yet closed at the end of each district day', () => {
    const hazards = [
      h('closed', '2026-11-01T02:00:00Z', '2026-11-02T03:00:00Z'), // 11-01 10:00 → closed 11-02 11:00 (Shanghai)
      h('found', '2026-11-02T01:00:00Z'),
      h('closed', '2026-11-02T05:00:00Z', '2026-11-02T05:00:00Z'), // fixed on the spot: never open at a day's end
    ];
    expect(openPerDay(hazards, '2026-10-31', '2026-11-03')).toEqual([
      { day: '2026-10-31', open: 0 },
      { day: '2026-11-01', open: 1 },
      { day: '2026-11-02', open: 1 },
      { day: '2026-11-03', open: 1 },
    ]);
  });

  it('uses the district clock: 23:30 UTC is the next day in Shanghai', () => {
    expect(openPerDay([h('found', '2026-11-01T23:30:00Z')], '2026-11-01', '2026-11-02').map((d) => d.open)).toEqual([0, 1]);
  });

  it('leaves void hazards out, since the ledger does not say when they were voided', () => {
    expect(openPerDay([h('void', '2026-11-01T01:00:00Z')], '2026-11-01', '2026-11-01')[0]?.open).toBe(0);
  });
});
