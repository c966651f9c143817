import { describe, expect, it } from 'vitest';
import type { PositionRecord } from '../../gateway/position-record.js';
import { positionColumns } from './position-columns.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const received = Date.UTC(2026, 11, 3, 12, 0, 0, 123);

const row = (vehicleId: string, secondsAgo: number, over: Partial<PositionRecord> = {}): PositionRecord => ({
  vehicleId,
  deviceTime: new Date(received - 123 - secondsAgo * 1000),
  receivedAt: new Date(received),
  lat: 30.61,
  lon: 121.08,
  speedKmh: 42.5,
  heading: 90,
  altitudeM: -3,
  alarmBits: 0x8000_0002,
  statusBits: 3,
  mileageKm: null,
  blindArea: false,
  extras: null,
  ...over,
});

describe('positionColumns', () => {
  it('writes one array literal per column: numbers as they are, NULL for nothing, DWORDs signed, times in ms', () => {
    const c = positionColumns([row(A, 10, { mileageKm: 12_345.6, blindArea: true }), row(A, 0)]);
    expect(c.vehicle).toBe(`{${A},${A}}`);
    expect(c.deviceMs).toBe(`{${received - 10_123},${received - 123}}`);
    expect(c.receivedMs).toBe(`{${received},${received}}`);
    expect(c.speed).toBe('{42.5,42.5}');
    expect(c.altitude).toBe('{-3,-3}');
    expect(c.alarm).toBe(`{${0x8000_0002 | 0},${0x8000_0002 | 0}}`);
    expect(c.mileage).toBe('{12345.6,NULL}');
    expect(c.blind).toBe('{t,f}');
    expect(c.extras).toBe('{NULL,NULL}');
  });

  it('quotes extras so that quotes, backslashes and commas inside the JSON survive', () => {
    const extras = { text: 'a "b", c\\d {e}', n: 1 };
    const c = positionColumns([row(A, 0, { extras })]);
    expect(c.extras).toBe(`{"${JSON.stringify(extras).replace(/[\\"]/g, '\\$&')}"}`);
    // What PostgreSQL's array parser does with a quoted element: drop the quotes, take each escaped char literally.
    const parsed = c.extras.slice(2, -2).replace(/\\(.)/g, '$1');
    expect(JSON.parse(parsed)).toEqual(extras);
  });

  it("marks each vehicle's newest plausible row as the one that may move its latest position", () => {
    const rows = [
      row(A, 30),
      row(A, 20),
      // No fix yet: never the latest.
      row(A, 10, { lat: 0, lon: 0 }),
      row(B, 5),
      // A clock an hour ahead: never the latest.
      row(B, -3600),
    ];
    expect(positionColumns(rows).isLatest).toBe('{f,t,f,t,f}');
    expect(positionColumns([row(B, -3600)]).isLatest).toBe('{f}');
  });
});
