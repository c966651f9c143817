import { describe, expect, it } from 'vitest';
import { closed, engineWith, opened, position, replay, T0, Track, vehicle } from './testing/tracks.js';

const MIN = 60_000;

describe('offline and silent', () => {
  it('on a trip and not heard for 10 minutes: offline via tick, closed when a position arrives', () => {
    const track = new Track().drive(5 * 60, 50);
    const e = engineWith();
    replay(e, track.positions);
    const lastHeard = track.positions.at(-1)!.receivedAt;
    expect(opened(e.tick(lastHeard + 9 * MIN), 'offline')).toHaveLength(0);
    const open = opened(e.tick(lastHeard + 11 * MIN), 'offline');
    expect(open).toMatchObject([{ startedAt: lastHeard, severity: 'warning', tripId: 'trip-1' }]);
    expect(opened(e.tick(lastHeard + 12 * MIN), 'offline')).toHaveLength(0);
    const back = e.ingest('v1', [position(track.t + 20 * MIN, track.lat, track.lon, 50)]);
    expect(closed(back, 'offline')).toMatchObject([
      { episodeKey: open[0]!.episodeKey, endedAt: track.t + 20 * MIN + 1500 },
    ]);
  });

  it('parked with the ignition off and no trip: a quiet terminal is not offline', () => {
    const track = new Track().drive(5 * 60, 50).stop(5 * 60);
    const e = engineWith({ vehicle: vehicle({ trip: null }) });
    replay(e, track.positions);
    expect(e.tick(track.t + 60 * MIN).filter((s) => s.type === 'offline')).toEqual([]);
  });

  it('reconnection closes offline; connected without positions for 10 minutes is silent', () => {
    const e = engineWith();
    replay(e, [position(T0, 30.62, 121.06, 40)]);
    expect(opened(e.tick(T0 + 15 * MIN), 'offline')).toHaveLength(1);
    expect(closed(e.presence('v1', true, T0 + 16 * MIN), 'offline')).toMatchObject([{ endedAt: T0 + 16 * MIN }]);
    expect(opened(e.tick(T0 + 25 * MIN), 'silent')).toHaveLength(0);
    const silent = opened(e.tick(T0 + 27 * MIN), 'silent');
    expect(silent).toMatchObject([{ startedAt: T0 + 16 * MIN, severity: 'info' }]);
    expect(closed(e.presence('v1', false, T0 + 30 * MIN), 'silent')).toHaveLength(1);
    // Disconnected: offline again, counted from the disconnection.
    expect(opened(e.tick(T0 + 41 * MIN), 'offline')).toMatchObject([{ startedAt: T0 + 30 * MIN }]);
  });

  it('a vehicle not heard for longer than the duty window is out of service, not offline', () => {
    const e = engineWith();
    replay(e, [position(T0, 30.62, 121.06, 40)]);
    expect(e.tick(T0 + 25 * 60 * MIN)).toEqual([]);
  });
});
