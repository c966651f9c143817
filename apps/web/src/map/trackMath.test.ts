import type { Position } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { advance, alarmBitStarts, cursorAt, defaultPeriod, indexAt, periodProblem, sliderValue, timeOfSlider } from './trackMath';

const T0 = Date.UTC(2026, 0, 10, 0, 0, 0);
const point = (s: number, lon: number, lat: number, speedKmh: number, heading = 90): Position => ({
  deviceTime: new Date(T0 + s * 1000).toISOString(),
  receivedAt: new Date(T0 + s * 1000).toISOString(),
  lat,
  lon,
  speedKmh,
  heading,
  altitudeM: 4,
  alarmBits: 0,
  statusBits: 3,
  mileageKm: null,
  blindArea: false,
});
const points = [point(0, 121.0, 30.6, 40), point(10, 121.01, 30.6, 60), point(30, 121.01, 30.62, 0, 0)];
const times = points.map((p) => Date.parse(p.deviceTime));

describe('track playback', () => {
  it('finds the last point at or before an instant', () => {
    expect(indexAt(times, T0 - 5000)).toBe(0);
    expect(indexAt(times, T0 + 9_999)).toBe(0);
    expect(indexAt(times, T0 + 10_000)).toBe(1);
    expect(indexAt(times, T0 + 29_000)).toBe(1);
    expect(indexAt(times, T0 + 99_000)).toBe(2);
    expect(indexAt([], T0)).toBe(0);
  });

  it('moves the marker in a straight line between reports, and holds at both ends', () => {
    const mid = cursorAt(points, times, T0 + 5000)!;
    expect(mid.index).toBe(0);
    expect(mid.lngLat[0]).toBeCloseTo(121.005, 9);
    expect(mid.lngLat[1]).toBeCloseTo(30.6, 9);
    expect(mid.speedKmh).toBeCloseTo(50);
    const quarter = cursorAt(points, times, T0 + 15_000)!;
    expect(quarter.lngLat[1]).toBeCloseTo(30.605, 9);
    expect(cursorAt(points, times, T0 + 60_000)).toMatchObject({ index: 2, lngLat: [121.01, 30.62], speedKmh: 0, at: T0 + 30_000 });
    expect(cursorAt(points, times, T0 - 60_000)?.lngLat).toEqual([121.0, 30.6]);
    expect(cursorAt([], [], T0)).toBeNull();
  });

  it('plays `speed` seconds of track per second and stops at the end', () => {
    expect(advance(T0, 1000, 60, T0 + 3600_000)).toBe(T0 + 60_000);
    expect(advance(T0 + 3590_000, 1000, 60, T0 + 3600_000)).toBe(T0 + 3600_000);
  });

  it('maps the slider to whole seconds from the start and back', () => {
    expect(sliderValue(T0 + 12_400, T0)).toBe(12);
    expect(timeOfSlider(12, T0)).toBe(T0 + 12_000);
  });

});

it('marks where a new set of alarm bits begins', () => {
  const bits = [0, 2, 2, 0, 2, 6, 6].map((alarmBits, s) => ({ ...point(s, 121, 30.6, 50), alarmBits }));
  expect(alarmBitStarts(bits).map((p) => Date.parse(p.deviceTime) - T0)).toEqual([1000, 4000, 5000]);
});

describe('the playback period', () => {
  it('proposes the last two hours', () => {
    const now = Date.UTC(2026, 0, 10, 12, 0, 0);
    expect(defaultPeriod(now)).toEqual({ from: '2026-01-10T10:00:00.000Z', to: '2026-01-10T12:00:00.000Z' });
  });

  it('refuses an empty or reversed period and one over 24 hours, as the API does', () => {
    expect(periodProblem(T0, T0)).toBe('order');
    expect(periodProblem(T0, T0 - 1)).toBe('order');
    expect(periodProblem(T0, T0 + 24 * 3600_000)).toBeNull();
    expect(periodProblem(T0, T0 + 24 * 3600_000 + 1)).toBe('tooLong');
  });
});
