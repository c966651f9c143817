import { describe, expect, it } from 'vitest';
import { readReportParams, writeReportParams } from './reportParams';

const now = Date.parse('2026-12-31T04:00:00Z');
const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const ORG = '0b5f7a4e-5c1e-4a57-9d4e-1c2b3a4d5e6f';

describe('report list parameters', () => {
  it('takes a valid period and carrier from the URL', () => {
    expect(readReportParams(new URLSearchParams(`from=2026-11-01&to=2026-11-30&organisationId=${ORG}`), now, day)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      organisationId: ORG,
    });
  });

  it('falls back to the last 30 days for a reversed, too long or malformed period', () => {
    const fallback = { from: '2026-12-01', to: '2026-12-30', organisationId: undefined };
    for (const q of ['from=2026-12-10&to=2026-12-01', 'from=2025-01-01&to=2026-12-01', 'from=yesterday&to=2026-12-01', '']) {
      expect(readReportParams(new URLSearchParams(q), now, day)).toEqual(fallback);
    }
    expect(readReportParams(new URLSearchParams('organisationId=1'), now, day).organisationId).toBeUndefined();
  });

  it('writes the carrier only when one is chosen', () => {
    expect(writeReportParams({ from: '2026-12-01', to: '2026-12-30' }).toString()).toBe('from=2026-12-01&to=2026-12-30');
    expect(writeReportParams({ from: '2026-12-01', to: '2026-12-30', organisationId: ORG }).get('organisationId')).toBe(ORG);
  });
});
