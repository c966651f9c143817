import { describe, expect, it } from 'vitest';
import type { LiveAlarmEvent, LivePositionEvent } from '../../gateway/live.js';
import { LiveClient, MAX_PENDING_ALARMS } from './live-client.js';

const event = (vehicle: number, second: number, org = 'org-a'): LivePositionEvent => ({
  organisationId: org,
  plate: `浙F·D${vehicle}`,
  position: {
    vehicleId: `v${vehicle}`,
    deviceTime: new Date(Date.UTC(2026, 10, 20, 2, 0, second)),
    receivedAt: new Date(),
    lat: 30.6 + second / 1000,
    lon: 121.1,
    speedKmh: 50,
    heading: 90,
    altitudeM: 0,
    alarmBits: 0,
    statusBits: 3,
    mileageKm: null,
    blindArea: false,
    extras: null,
  },
});

describe('LiveClient', () => {
  it('coalesces per vehicle, keeps the newest device time, and scopes by organisation', () => {
    const sent: { items: { vehicleId: string; deviceTime: string; online: boolean }[] }[] = [];
    const client = new LiveClient({ visible: ['org-a'], send: (m) => sent.push(JSON.parse(m)), canSend: () => true });
    client.offer([event(1, 10), event(1, 20), event(2, 5), event(3, 30, 'org-b')]);
    // Back-fill arriving later never moves a vehicle backwards.
    client.offer([event(1, 15)]);
    expect(client.flush()).toBe(2);
    expect(sent[0]!.items.map((i) => [i.vehicleId, i.deviceTime.slice(17, 19)])).toEqual([
      ['v1', '20'],
      ['v2', '05'],
    ]);
    expect(client.flush()).toBe(0);
    client.presence('v1', false);
    client.presence('v3', false);
    client.flush();
    expect(sent[1]!.items).toMatchObject([{ vehicleId: 'v1', online: false }]);
  });

  it('skips a slow client and later sends only the latest state, never a backlog', () => {
    let ready = false;
    const sent: { items: { lat: number }[] }[] = [];
    const client = new LiveClient({ visible: undefined, send: (m) => sent.push(JSON.parse(m)), canSend: () => ready });
    for (let s = 0; s < 50; s++) {
      client.offer([event(1, s), event(2, s)]);
      client.flush();
    }
    expect(sent).toHaveLength(0);
    expect(client.skippedFlushes).toBe(50);
    ready = true;
    client.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.items.map((i) => i.lat)).toEqual([30.649, 30.649]);
  });

  it('sends alarms apart, never merging two alarms of a vehicle, only later states of the same alarm', () => {
    const alarm = (id: string, vehicle: number, status = 'open', org = 'org-a'): LiveAlarmEvent => ({
      organisationId: org,
      alarm: {
        id,
        vehicleId: `v${vehicle}`,
        plate: `浙F·D${vehicle}`,
        organisationId: org,
        type: 'overspeed',
        subtype: null,
        severity: 'warning',
        status: status as 'open',
        startedAt: '2026-11-20T02:00:00.000Z',
        lastAt: '2026-11-20T02:00:10.000Z',
        endedAt: null,
        lat: 30.6,
        lon: 121.1,
        details: {},
      },
    });
    let ready = false;
    let overflowed = 0;
    const sent: { type: string; items: { id: string; status: string }[] }[] = [];
    const client = new LiveClient({
      visible: ['org-a'],
      send: (m) => sent.push(JSON.parse(m)),
      canSend: () => ready,
      overflow: () => overflowed++,
    });
    client.offer([event(1, 10)]);
    expect(client.offerAlarms([alarm('a1', 1), alarm('a2', 1), alarm('b1', 3, 'open', 'org-b')])).toBe(true);
    expect(client.offerAlarms([alarm('b2', 3, 'open', 'org-b')])).toBe(false);
    client.offerAlarms([alarm('a1', 1, 'acknowledged')]);
    // A slow client keeps them until it can take them.
    expect(client.flushAlarms()).toBe(0);
    ready = true;
    expect(client.flushAlarms()).toBe(2);
    expect(sent).toEqual([
      {
        type: 'alarms',
        items: [expect.objectContaining({ id: 'a1', status: 'acknowledged' }), expect.objectContaining({ id: 'a2' })],
      },
    ]);
    // Positions still go their own way, at the throttle.
    expect(client.flush()).toBe(1);
    expect(sent[1]!.type).toBe('positions');
    // Too far behind: told once to go (the socket closes; the browser reloads the list).
    ready = false;
    client.offerAlarms(Array.from({ length: MAX_PENDING_ALARMS + 1 }, (_, i) => alarm(`x${i}`, 2)));
    client.offerAlarms([alarm('y', 2)]);
    expect(overflowed).toBe(1);
  });
});
