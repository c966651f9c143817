import { describe, expect, it } from 'vitest';
import { readLedgerParams, toLedgerFilters, writeLedgerParams } from './ledgerParams';

describe('ledger filters in the URL', () => {
  it('reads what is valid and ignores what a hand-edited URL got wrong', () => {
    const params = readLedgerParams(new URLSearchParams('status=open&level=huge&overdue=true&from=2026-11-01&subjectId=not-a-uuid&q=%E5%AE%89%E5%85%A8'));
    expect(params).toEqual({ status: 'open', overdue: 'true', from: '2026-11-01', q: '安全' });
  });

  it('turns days into district-time instants and overdue into a boolean for the API', () => {
    expect(toLedgerFilters({ from: '2026-11-01', to: '2026-11-30', overdue: 'false' })).toMatchObject({
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-11-30T23:59:59+08:00',
      overdue: false,
    });
  });

  it('writes only filled, valid filters', () => {
    expect(writeLedgerParams({ status: 'closed', q: '  ', escalation: 'listed' }).toString()).toBe('status=closed&escalation=listed');
  });
});
