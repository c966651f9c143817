import { describe, expect, it } from 'vitest';
import { closed, engineWith, HOME, opened, replay, road, square, T0, Track } from './testing/tracks.js';

const expressway = road('g92', 'expressway');

/** On the expressway: cruise, then `seconds` at `kmh` reported every second, then cruise again. */
function burst(kmh: number, seconds: number) {
  return new Track().drive(60, 70, 90, 1).drive(seconds, kmh, 90, 1).drive(60, 70, 90, 1).positions;
}

describe('overspeed', () => {
  it('95 km/h on the expressway for 5 s is below the minimum duration: none', () => {
    expect(opened(replay(engineWith({ zones: [expressway] }), burst(95, 5)), 'overspeed')).toHaveLength(0);
  });

  it('95 km/h on the expressway for 60 s: one episode with its max speed, limit, duration and distance', () => {
    const signals = replay(engineWith({ zones: [expressway] }), burst(95, 60));
    const open = opened(signals, 'overspeed');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ severity: 'warning', zoneId: 'g92', startedAt: T0 + 61_000, tripId: 'trip-1' });
    const end = closed(signals, 'overspeed');
    expect(end).toHaveLength(1);
    expect(end[0]!.episodeKey).toBe(open[0]!.episodeKey);
    expect(end[0]!.endedAt).toBe(T0 + 121_000);
    expect(end[0]!.details).toMatchObject({ maxSpeedKmh: 95, limitKmh: 80, roadClass: 'expressway', durationS: 60 });
    // 60 s at 95 km/h ≈ 1583 m (the closing fix included).
    expect(Number(end[0]!.details.distanceM)).toBeGreaterThan(1500);
    expect(Number(end[0]!.details.distanceM)).toBeLessThan(1650);
  });

  it('20 % over the limit or more is serious, 50 % critical', () => {
    expect(opened(replay(engineWith({ zones: [expressway] }), burst(100, 30)), 'overspeed')[0]!.severity).toBe(
      'serious',
    );
    expect(opened(replay(engineWith({ zones: [expressway] }), burst(125, 30)), 'overspeed')[0]!.severity).toBe(
      'critical',
    );
  });

  it('a speed oscillating around the limit within the hysteresis is one episode, not many', () => {
    const track = new Track().drive(30, 70, 90, 1);
    for (let i = 0; i < 20; i++) track.drive(12, 88, 90, 1).drive(6, 77, 90, 1);
    track.drive(30, 60, 90, 1);
    const signals = replay(engineWith({ zones: [expressway] }), track.positions);
    expect(opened(signals, 'overspeed')).toHaveLength(1);
    expect(closed(signals, 'overspeed')).toHaveLength(1);
  });

  it('away from any road zone the urban limit applies; a speed-limit zone lowers it', () => {
    const urban = replay(engineWith(), new Track().drive(60, 70, 90, 5).positions);
    expect(opened(urban, 'overspeed')[0]!.details).toMatchObject({ limitKmh: 60 });
    const park = square('park', HOME.lat, HOME.lon, 5000, {
      kind: 'speed_limit',
      speedLimitKmh: 30,
      category: 'chemical_park',
    });
    const slow = replay(engineWith({ zones: [park, expressway] }), new Track().drive(60, 45, 90, 5).positions);
    expect(opened(slow, 'overspeed')[0]).toMatchObject({
      zoneId: 'park',
      subtype: 'chemical_park',
      details: { limitKmh: 30 },
    });
  });

  it('a gap in reports ends the episode at its last evidence', () => {
    const track = new Track({ t: T0 }).drive(60, 95, 90, 5);
    const last = track.t;
    const e = engineWith({ zones: [expressway] });
    const signals = replay(e, track.positions);
    signals.push(...e.tick(last + 10 * 60_000));
    expect(closed(signals, 'overspeed')).toMatchObject([{ endedAt: last }]);
  });
});
