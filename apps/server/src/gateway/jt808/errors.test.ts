import { describe, expect, it } from 'vitest';
import { createErrorCounters, DECODE_ERROR_CODES, decodeError, failure, newFlags } from './errors.js';

describe('errors', () => {
  it('has a counter for every code', () => {
    const counters = createErrorCounters();
    expect(Object.keys(counters).sort()).toEqual([...DECODE_ERROR_CODES].sort());
    expect(Object.values(counters).every((n) => n === 0)).toBe(true);
  });

  it('builds failures and empty flags', () => {
    const e = decodeError('truncated', 'short');
    expect(failure(e)).toEqual({ ok: false, error: e, header: null });
    expect(newFlags()).toEqual({ lengthMismatch: false, truncated: false, badTime: false, countMismatch: false });
  });
});
