import { describe, expect, it } from 'vitest';
import { readAlarmParams, toAlarmFilters, wantsUnhandledFirst, writeAlarmParams } from './alarmParams';

const V = '0b5f7a4e-5c1e-4a57-9d4e-1c2b3a4d5e6f';

describe('alarm queue parameters', () => {
  it('keeps valid filters from the URL and drops anything a hand-edited URL got wrong', () => {
    const search = new URLSearchParams(`type=overspeed&severity=huge&status=unhandled&vehicleId=${V}&organisationId=nope&from=2026-12-01&to=12/31&alarm=${V}`);
    expect(readAlarmParams(search)).toEqual({ type: 'overspeed', status: 'unhandled', vehicleId: V, from: '2026-12-01' });
  });

  it('writes filters back without touching the open alarm and clears emptied ones', () => {
    const into = new URLSearchParams(`alarm=${V}&type=fatigue`);
    const out = writeAlarmParams({ severity: 'critical', type: '' }, into);
    expect(out.get('alarm')).toBe(V);
    expect(out.get('severity')).toBe('critical');
    expect(out.has('type')).toBe(false);
  });

  it('turns the status groups into the API’s unhandled flag and days into district instants (to exclusive)', () => {
    expect(toAlarmFilters({ status: 'unhandled', from: '2026-12-01', to: '2026-12-31' })).toMatchObject({
      status: undefined,
      unhandled: 'true',
      from: '2026-12-01T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
    });
    expect(toAlarmFilters({ status: 'done' })).toMatchObject({ unhandled: 'false', status: undefined });
    expect(toAlarmFilters({ status: 'acknowledged', escalated: 'true' })).toMatchObject({ status: 'acknowledged', unhandled: undefined, escalated: 'true' });
  });

  it('orders unhandled first only when no status was chosen', () => {
    expect(wantsUnhandledFirst({ type: 'overspeed' })).toBe(true);
    expect(wantsUnhandledFirst({ status: 'closed' })).toBe(false);
    expect(wantsUnhandledFirst({ status: 'unhandled' })).toBe(false);
  });
});
