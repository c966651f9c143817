import type { Alarm, LiveAlarm } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { matchesParams, mergeArrivals, queueRows, unseenIds } from './liveQueue';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function live(id: string, over: Partial<LiveAlarm> = {}): LiveAlarm {
  return {
    id,
    vehicleId: '33333333-3333-4333-8333-333333333333',
    plate: '浙F·D0001',
    organisationId: ORG,
    type: 'overspeed',
    subtype: null,
    severity: 'warning',
    status: 'open',
    // 2026-12-20 10:00 in the district
    startedAt: '2026-12-20T02:00:00.000Z',
    lastAt: '2026-12-20T02:00:30.000Z',
    endedAt: null,
    lat: 30.62,
    lon: 121.05,
    details: { maxSpeedKmh: 92, limitKmh: 80 },
    ...over,
  };
}

const listed = (a: LiveAlarm): Alarm => ({
  ...a,
  organisationName: '嘉港危货',
  zoneId: null,
  routeId: null,
  tripId: null,
  raisedAt: a.startedAt,
  acknowledgedAt: null,
  remindedAt: null,
  carrierNotifiedAt: null,
  handledAt: null,
  handling: null,
  closedAt: null,
  escalatedAt: null,
  hazardId: null,
});

describe('alarms heard live', () => {
  it('match the queue’s filters as the server applies them', () => {
    const a = live('a');
    expect(matchesParams(a, {})).toBe(true);
    expect(matchesParams(a, { type: 'overspeed', severity: 'warning', organisationId: ORG, status: 'unhandled' })).toBe(true);
    expect(matchesParams(a, { organisationId: OTHER })).toBe(false);
    expect(matchesParams(a, { status: 'done' })).toBe(false);
    expect(matchesParams(live('b', { status: 'closed' }), { status: 'done' })).toBe(true);
    expect(matchesParams(a, { status: 'acknowledged' })).toBe(false);
    expect(matchesParams(a, { escalated: 'true' })).toBe(false);
    // District days: 10:00 on 12-20 in Shanghai.
    expect(matchesParams(a, { from: '2026-12-20', to: '2026-12-20' })).toBe(true);
    expect(matchesParams(a, { from: '2026-12-21' })).toBe(false);
    expect(matchesParams(a, { to: '2026-12-19' })).toBe(false);
  });

  it('keep the latest state of each alarm, newest start first, and only so many', () => {
    const merged = mergeArrivals([live('a'), live('b', { startedAt: '2026-12-20T03:00:00.000Z' })], [live('a', { severity: 'critical' })]);
    expect(merged.map((a) => `${a.id} ${a.severity}`)).toEqual(['b warning', 'a critical']);
    const many = Array.from({ length: 5 }, (_, i) => live(`x${i}`, { startedAt: `2026-12-20T0${i}:00:00.000Z` }));
    expect(mergeArrivals([], many, 3).map((a) => a.id)).toEqual(['x4', 'x3', 'x2']);
  });

  it('count as new only when neither listed nor heard before', () => {
    expect(unseenIds([live('a'), live('b'), live('a')], new Set(['b']))).toEqual(['a']);
  });

  it('go on top of the first page when raised while the queue is open, and update rows already listed', () => {
    const onPage = listed(live('old', { startedAt: '2026-12-20T01:00:00.000Z', lastAt: '2026-12-20T01:00:10.000Z' }));
    const arrivals = [
      live('new1', { organisationId: OTHER }),
      live('old', { startedAt: '2026-12-20T01:00:00.000Z', lastAt: '2026-12-20T01:05:00.000Z', endedAt: '2026-12-20T01:05:00.000Z' }),
      live('elsewhere'),
    ];
    const names = (id: string) => (id === OTHER ? '另一家' : '嘉港危货');
    const rows = queueRows([onPage], arrivals, new Set(['new1']), {}, true, names);
    expect(rows.map((r) => `${r.id} ${r.live} ${r.organisationName}`)).toEqual(['new1 true 另一家', 'old false 嘉港危货']);
    expect(rows[1]!.endedAt).toBe('2026-12-20T01:05:00.000Z');
    // Not on later pages, and not when the filters leave them out.
    expect(queueRows([onPage], arrivals, new Set(['new1']), {}, false, names).map((r) => r.id)).toEqual(['old']);
    expect(queueRows([onPage], arrivals, new Set(['new1']), { organisationId: ORG }, true, names).map((r) => r.id)).toEqual(['old']);
  });

  it('never undo a step read back from the server with an older live state', () => {
    const acknowledged = { ...listed(live('a')), status: 'acknowledged' as const };
    const rows = queueRows([acknowledged], [live('a')], new Set(), {}, true, () => '');
    expect(rows.map((r) => r.status)).toEqual(['acknowledged']);
  });
});
