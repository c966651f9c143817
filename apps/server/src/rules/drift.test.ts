import { describe, expect, it } from 'vitest';
import { closed, engineWith, HOME, offset, opened, position, replay, square, T0, Track } from './testing/tracks.js';

describe('drift', () => {
  it('a fix 5 km away 30 s later is drift (info), kept from the other rules, closed by the next good fix', () => {
    const track = new Track().drive(5 * 60, 50);
    const far = offset(track.lat, track.lon, 5000, 0);
    // The drifted fix lands in a restricted zone at an overspeed: neither may be raised from it.
    const zone = square('far', far.lat, far.lon, 300);
    const bad = position(track.t + 30_000, far.lat, far.lon, 120);
    track.t += 30_000;
    const positions = [...track.positions, bad, ...track.drive(5 * 60, 50).positions.slice(-10)];
    const e = engineWith({ zones: [zone] });
    const signals = replay(e, positions);
    expect(opened(signals, 'drift')).toMatchObject([{ severity: 'info', startedAt: bad.t, lat: far.lat }]);
    expect(opened(signals, 'drift')[0]!.details.jumpM).toBeGreaterThan(4900);
    expect(closed(signals, 'drift')).toHaveLength(1);
    expect(signals.filter((s) => s.type !== 'drift')).toEqual([]);
    expect(e.stats().drift).toBe(1);
  });

  it('a parked vehicle whose fix jumps 800 m while saying it stands still is drift', () => {
    const track = new Track().stop(10 * 60, 10);
    const jump = offset(track.lat, track.lon, 800, 45);
    const signals = replay(engineWith(), [...track.positions, position(track.t + 10_000, jump.lat, jump.lon, 0)]);
    expect(opened(signals, 'drift')).toHaveLength(1);
  });

  it('fixes that keep agreeing with each other far away are believed again', () => {
    const t = new Track().drive(60, 50);
    const there = new Track({ t: t.t + 10_000, ...offset(t.lat, t.lon, 20_000, 90) }).drive(120, 50, 90, 10);
    const e = engineWith();
    const signals = replay(e, [...t.positions, ...there.positions]);
    expect(opened(signals, 'drift')).toHaveLength(1);
    expect(closed(signals, 'drift')).toMatchObject([{ details: { reanchored: true } }]);
    expect(e.stats().drift).toBe(2);
  });

  it('ordinary driving at 120 km/h with 1-second reports is not drift', () => {
    const e = engineWith();
    const signals = replay(e, new Track({ t: T0, ...HOME }).drive(600, 120, 45, 1).positions);
    expect(opened(signals, 'drift')).toHaveLength(0);
  });
});
