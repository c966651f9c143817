import { describe, expect, it } from 'vitest';
import { defaultRulesConfig } from './config.js';
import { RulesEngine } from './engine.js';
import {
  config,
  engineWith,
  HOME,
  opened,
  position,
  replay,
  road,
  square,
  T0,
  Track,
  vehicle,
} from './testing/tracks.js';

const restricted = square('zone', HOME.lat, HOME.lon, 300, { category: 'school' });

describe('rules engine', () => {
  it('ignores vehicles it was not told about', () => {
    const e = new RulesEngine(defaultRulesConfig);
    expect(e.ingest('ghost', [position(T0, HOME.lat, HOME.lon, 50)])).toEqual([]);
    expect(e.presence('ghost', true, T0)).toEqual([]);
    expect(e.stats()).toMatchObject({ vehicles: 0, unknownVehicle: 1, evaluated: 0 });
  });

  it('evaluates a position on arrival by default; one older than the newest is late', () => {
    const e = engineWith();
    e.ingest('v1', [position(T0, HOME.lat, HOME.lon, 50)]);
    expect(e.stats()).toMatchObject({ pending: 0, evaluated: 1 });
    // One batch is put in device-time order before it is evaluated…
    e.ingest('v1', [position(T0 + 2000, HOME.lat, HOME.lon, 50), position(T0 + 1000, HOME.lat, HOME.lon, 50)]);
    expect(e.stats()).toMatchObject({ pending: 0, evaluated: 3, late: 0 });
    // …a position arriving after a newer one was evaluated is late.
    e.ingest('v1', [position(T0 + 1500, HOME.lat, HOME.lon, 50)]);
    expect(e.stats()).toMatchObject({ pending: 0, evaluated: 3, late: 1 });
  });

  it('with a reorder window, waits it out, then evaluates in device-time order', () => {
    const e = engineWith({ config: config({ ordering: { reorderWindowS: 10 } }) });
    e.ingest('v1', [position(T0 + 2000, HOME.lat, HOME.lon, 50), position(T0, HOME.lat, HOME.lon, 50)]);
    expect(e.stats()).toMatchObject({ pending: 2, evaluated: 0 });
    e.ingest('v1', [position(T0 + 12_000, HOME.lat, HOME.lon, 50)]);
    expect(e.stats()).toMatchObject({ pending: 1, evaluated: 2 });
    e.tick(T0 + 30_000);
    expect(e.stats()).toMatchObject({ pending: 0, evaluated: 3, late: 0 });
  });

  it('drops duplicates, clocks far in the future, and keeps fix-less reports away from geometry', () => {
    const e = engineWith({ zones: [restricted] });
    const p = position(T0, HOME.lat, HOME.lon, 30);
    const future = { ...position(T0 + 3_600_000, HOME.lat, HOME.lon, 30), receivedAt: T0 };
    const noFix = Array.from({ length: 10 }, (_, i) =>
      position(T0 + (i + 1) * 10_000, HOME.lat, HOME.lon, 30, { statusBits: 1 }),
    );
    const zero = position(T0 + 200_000, 0, 0, 30);
    const signals = replay(e, [p, p, future, ...noFix, zero]);
    expect(signals).toEqual([]);
    expect(e.stats()).toMatchObject({ positions: 14, duplicates: 1, future: 1, noFix: 11, evaluated: 12 });
  });

  it('replays exactly: same positions, same signals', () => {
    const track = new Track()
      .drive(20 * 60, 95, 90, 10)
      .stop(40 * 60)
      .drive(10 * 60, 50, 0);
    const zones = [road('g92', 'expressway'), square('s', track.lat, track.lon, 500, { kind: 'sensitive' })];
    const a = replay(engineWith({ zones }), track.positions);
    const b = replay(engineWith({ zones }), track.positions);
    expect(a.length).toBeGreaterThan(3);
    expect(a).toEqual(b);
    for (const s of a) expect(s).toMatchObject({ vehicleId: 'v1', organisationId: 'org-carrier', tripId: 'trip-1' });
  });

  it('takes new thresholds, geometry and trips at run time', () => {
    const e = engineWith();
    const track = new Track().drive(60, 55, 90, 5);
    expect(opened(replay(e, track.positions), 'overspeed')).toHaveLength(0);
    e.setConfig(config({ speed: { limitsKmh: { urban: 50 } } }));
    expect(opened(replay(e, track.drive(60, 55, 90, 5).positions.slice(-12)), 'overspeed')).toHaveLength(1);

    e.setGeometry([square('here', track.lat, track.lon, 2000)], []);
    const inside = track.drive(60, 30, 90, 10).positions.slice(-6);
    expect(opened(replay(e, inside), 'restricted_zone')).toHaveLength(1);
    expect(e.stats()).toMatchObject({ zones: 1, vehicles: 1 });

    e.setVehicle(vehicle({ trip: null }));
    e.removeVehicle('v1');
    expect(e.stats().vehicles).toBe(0);
  });
});
