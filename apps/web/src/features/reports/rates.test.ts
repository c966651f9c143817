import { describe, expect, it } from 'vitest';
import { defaultTargets, formatRate, lastDays, rateVerdict } from './rates';

describe('monitoring rates', () => {
  it('judges four rates as floors and drift as a ceiling, and nothing measured as none', () => {
    expect(rateVerdict('online', 99.54, defaultTargets)).toBe('met');
    expect(rateVerdict('completeness', 98.99, defaultTargets)).toBe('missed');
    expect(rateVerdict('connected', 100, defaultTargets)).toBe('met');
    expect(rateVerdict('drift', 1, defaultTargets)).toBe('met');
    expect(rateVerdict('drift', 1.01, defaultTargets)).toBe('missed');
    expect(rateVerdict('validity', null, defaultTargets)).toBe('none');
    expect(rateVerdict('online', 95, { ...defaultTargets, online: 95 })).toBe('met');
  });

  it('prints rates with two decimals', () => {
    expect(formatRate(99.5)).toBe('99.50%');
    expect(formatRate(null)).toBe('—');
  });

  it('offers the last days ending yesterday', () => {
    const day = (at: number) => new Date(at).toISOString().slice(0, 10);
    expect(lastDays(30, Date.parse('2026-12-31T12:00:00Z'), day)).toEqual({ from: '2026-12-01', to: '2026-12-30' });
  });
});
