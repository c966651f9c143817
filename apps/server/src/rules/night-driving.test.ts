import { describe, expect, it } from 'vitest';
import { closed, engineWith, HOME, opened, replay, road, square, Track } from './testing/tracks.js';
import { inWallWindow, localDayStart, localMinuteOfDay } from './time.js';

/** A UTC instant for a wall-clock time in Asia/Shanghai on 2026-06-01 (hour may be ≥ 24 for the next day). */
const shanghai = (h: number, m = 0) => Date.UTC(2026, 5, 1, h - 8, m);

describe('Asia/Shanghai wall clock', () => {
  it('is UTC+8 with windows wrapping midnight', () => {
    expect(localMinuteOfDay(shanghai(0, 30))).toBe(30);
    expect(localDayStart(shanghai(7))).toBe(shanghai(0));
    expect(inWallWindow(shanghai(23, 30), '22:00', '06:00')).toBe(true);
    expect(inWallWindow(shanghai(5, 59), '22:00', '06:00')).toBe(true);
    expect(inWallWindow(shanghai(6, 0), '22:00', '06:00')).toBe(false);
    expect(inWallWindow(shanghai(21, 59), '22:00', '06:00')).toBe(false);
    expect(inWallWindow(shanghai(3), '00:00', '06:00')).toBe(true);
    expect(inWallWindow(shanghai(3), '00:00', null)).toBe(false);
  });
});

describe('night driving', () => {
  const expressway = road('g92', 'expressway');

  it('on an expressway 00:00–06:00 by default: one episode, not at 23:30', () => {
    const at = (h: number, m: number) => new Track({ t: shanghai(h, m) }).drive(10 * 60, 70).positions;
    const night = replay(engineWith({ zones: [expressway] }), at(24, 30));
    expect(opened(night, 'night_driving')).toHaveLength(1);
    expect(opened(night, 'night_driving')[0]).toMatchObject({ zoneId: 'g92', details: { window: '00:00–06:00' } });
    expect(opened(replay(engineWith({ zones: [expressway] }), at(23, 30)), 'night_driving')).toHaveLength(0);
    // Urban roads carry no default window.
    expect(opened(replay(engineWith(), at(24, 30)), 'night_driving')).toHaveLength(0);
  });

  it("a zone's own window wrapping midnight (22:00–06:00) applies across midnight and ends when the window does", () => {
    const town = square('town', HOME.lat, HOME.lon, 30_000, {
      kind: 'sensitive',
      category: 'residential',
      nightFrom: '22:00',
      nightTo: '06:00',
    });
    const signals = replay(
      engineWith({ zones: [town] }),
      new Track({ t: shanghai(23, 30) }).drive(60 * 60, 20).positions,
    );
    expect(opened(signals, 'night_driving')).toMatchObject([
      { zoneId: 'town', subtype: 'residential', startedAt: shanghai(23, 30) + 30_000 },
    ]);
    const morning = replay(
      engineWith({ zones: [town] }),
      new Track({ t: shanghai(5, 40) }).drive(40 * 60, 20).positions,
    );
    expect(opened(morning, 'night_driving')).toHaveLength(1);
    expect(closed(morning, 'night_driving')).toMatchObject([{ endedAt: shanghai(6, 0) }]);
    expect(
      opened(
        replay(engineWith({ zones: [town] }), new Track({ t: shanghai(6, 30) }).drive(600, 20).positions),
        'night_driving',
      ),
    ).toHaveLength(0);
  });

  it('standing still at night is not night driving, and a red light does not split the episode', () => {
    const track = new Track({ t: shanghai(1) }).stop(30 * 60);
    expect(opened(replay(engineWith({ zones: [expressway] }), track.positions), 'night_driving')).toHaveLength(0);
    const lights = new Track({ t: shanghai(1) })
      .drive(5 * 60, 60)
      .stop(60, 30)
      .drive(5 * 60, 60);
    const signals = replay(engineWith({ zones: [expressway] }), lights.positions);
    expect(opened(signals, 'night_driving')).toHaveLength(1);
  });
});
