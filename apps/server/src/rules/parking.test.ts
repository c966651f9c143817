import { describe, expect, it } from 'vitest';
import { closed, engineWith, HOME, offset, opened, replay, square, Track } from './testing/tracks.js';

const schoolAt = offset(HOME.lat, HOME.lon, 2000, 90);
/** A school 150 m north of the road, 2 km east of home. */
const school = square('school', offset(schoolAt.lat, schoolAt.lon, 250, 0).lat, schoolAt.lon, 100, {
  kind: 'sensitive',
  category: 'school',
  name: '乍浦小学',
});
const yard = square('yard', HOME.lat, offset(HOME.lat, HOME.lon, 5000, 90).lon, 200, { kind: 'parking' });

/** Drives `metres` east, stops for `minutes`, drives on. */
const stopAfter = (metres: number, minutes: number) =>
  new Track()
    .drive(metres / (50 / 3.6), 50, 90, metres / (50 / 3.6) / 10)
    .stop(minutes * 60)
    .drive(120, 40).positions;

describe('parking', () => {
  it('15 minutes near a school: one alarm (stricter limit), serious, closed when it moves on', () => {
    const signals = replay(engineWith({ zones: [school, yard] }), stopAfter(2000, 15));
    const open = opened(signals, 'parking');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      zoneId: 'school',
      subtype: 'school',
      severity: 'serious',
      details: { limitMin: 10 },
    });
    expect(closed(signals, 'parking')).toHaveLength(1);
  });

  it('15 minutes in an approved parking area, or elsewhere: none; 35 minutes elsewhere: one', () => {
    expect(opened(replay(engineWith({ zones: [school, yard] }), stopAfter(5000, 15)), 'parking')).toHaveLength(0);
    expect(opened(replay(engineWith({ zones: [school, yard] }), stopAfter(5000, 90)), 'parking')).toHaveLength(0);
    expect(opened(replay(engineWith({ zones: [school, yard] }), stopAfter(8000, 15)), 'parking')).toHaveLength(0);
    const long = opened(replay(engineWith({ zones: [school, yard] }), stopAfter(8000, 35)), 'parking');
    expect(long).toMatchObject([{ severity: 'warning', zoneId: null, details: { limitMin: 30 } }]);
  });

  it("a zone's own maxParkingMinutes applies", () => {
    const strict = square('gate', HOME.lat, offset(HOME.lat, HOME.lon, 8000, 90).lon, 300, {
      kind: 'speed_limit',
      speedLimitKmh: 60,
      maxParkingMinutes: 5,
    });
    expect(opened(replay(engineWith({ zones: [strict] }), stopAfter(8000, 8)), 'parking')).toMatchObject([
      { zoneId: 'gate', details: { limitMin: 5 } },
    ]);
  });

  it('a stop that goes on without new reports is judged by tick while the terminal is connected', () => {
    const track = new Track().drive(60, 40).stop(60);
    const e = engineWith({ zones: [school] });
    replay(e, track.positions);
    e.presence('v1', true, track.t);
    expect(opened(e.tick(track.t + 20 * 60_000), 'parking')).toHaveLength(0);
    const signals = e.tick(track.t + 31 * 60_000);
    expect(opened(signals, 'parking')).toMatchObject([{ startedAt: track.t, details: { limitMin: 30 } }]);
  });
});
