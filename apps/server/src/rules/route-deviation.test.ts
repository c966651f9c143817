import { describe, expect, it } from 'vitest';
import { closed, engineWith, opened, replay, route, Track, vehicle } from './testing/tracks.js';

const onRoute = vehicle({ trip: { id: 'trip-7', routeId: 'r1', loaded: true } });
const r1 = route('r1');

describe('route deviation', () => {
  it('one alarm per excursion with the greatest distance, closed on return', () => {
    // Along the route (east), 500 m off to the north and along it for 3 minutes, back, on along the route.
    const track = new Track()
      .drive(5 * 60, 60, 90)
      .drive(60, 30, 0)
      .drive(3 * 60, 40, 90)
      .drive(60, 30, 180);
    track.drive(5 * 60, 60, 90);
    const signals = replay(engineWith({ vehicle: onRoute, routes: [r1] }), track.positions);
    const open = opened(signals, 'route_deviation');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ routeId: 'r1', tripId: 'trip-7', severity: 'warning' });
    expect(open[0]!.episodeKey).toBe(`r1:${open[0]!.startedAt}`);
    const close = closed(signals, 'route_deviation');
    expect(close).toHaveLength(1);
    expect(Number(close[0]!.details.maxDistanceM)).toBeGreaterThan(480);
    expect(Number(close[0]!.details.maxDistanceM)).toBeLessThan(520);
  });

  it('within the corridor, a single stray fix, or without a known route: none', () => {
    const wobble = new Track()
      .drive(5 * 60, 60, 90)
      .drive(30, 60, 10)
      .drive(30, 60, 170)
      .drive(5 * 60, 60, 90);
    expect(
      opened(replay(engineWith({ vehicle: onRoute, routes: [r1] }), wobble.positions), 'route_deviation'),
    ).toHaveLength(0);
    const off = new Track()
      .drive(60, 60, 90)
      .drive(2 * 60, 60, 0)
      .drive(5 * 60, 60, 90);
    expect(opened(replay(engineWith({ vehicle: onRoute, routes: [] }), off.positions), 'route_deviation')).toHaveLength(
      0,
    );
    expect(
      opened(replay(engineWith({ vehicle: vehicle(), routes: [r1] }), off.positions), 'route_deviation'),
    ).toHaveLength(0);
  });

  it('a finished trip ends an open excursion', () => {
    const e = engineWith({ vehicle: onRoute, routes: [r1] });
    const track = new Track()
      .drive(60, 60, 90)
      .drive(2 * 60, 60, 0)
      .drive(3 * 60, 60, 90);
    const signals = replay(e, track.positions);
    expect(opened(signals, 'route_deviation')).toHaveLength(1);
    e.setVehicle(vehicle({ trip: null }));
    const more = replay(e, new Track({ t: track.t, lat: track.lat, lon: track.lon }).drive(60, 60, 90).positions);
    expect(closed(more, 'route_deviation')).toMatchObject([{ details: { tripChanged: true } }]);
  });
});
