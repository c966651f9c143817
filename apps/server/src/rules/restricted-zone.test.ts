import { describe, expect, it } from 'vitest';
import {
  closed,
  config,
  engineWith,
  HOME,
  offset,
  opened,
  position,
  replay,
  square,
  T0,
  Track,
  vehicle,
} from './testing/tracks.js';
import type { RulePosition } from './types.js';

const center = offset(HOME.lat, HOME.lon, 1000, 90);
const school = square('school', center.lat, center.lon, 200, {
  kind: 'restricted',
  category: 'school',
  name: '乍浦小学',
});
/** A point `east` metres east of the zone's west edge, `north` metres north of its centre line. */
const westEdge = offset(center.lat, center.lon, 200, 270);
const at = (east: number, north = 0) => {
  const e = offset(westEdge.lat, westEdge.lon, east, 90);
  return offset(e.lat, e.lon, north, 0);
};

function fixesAt(metresEast: number[], every = 10, t0 = T0): RulePosition[] {
  return metresEast.map((m, i) => {
    const p = at(m);
    return position(t0 + i * every * 1000, p.lat, p.lon, 30);
  });
}

describe('restricted zone', () => {
  it('GNSS jitter on the boundary: one entry, one exit, at the right times', () => {
    // Approach, wobble across the west edge, go in, cross the zone (400 m wide), wobble across the east edge, leave.
    const path = [
      -300, -200, -100, -20, 10, -10, 15, -5, 30, 60, 100, 150, 200, 250, 300, 350, 395, 405, 398, 410, 420, 450, 500,
    ];
    const signals = replay(engineWith({ zones: [school] }), fixesAt(path));
    const open = opened(signals, 'restricted_zone');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ zoneId: 'school', subtype: 'school', severity: 'critical', tripId: 'trip-1' });
    expect(open[0]!.startedAt).toBe(T0 + path.indexOf(30) * 10_000);
    expect(open[0]!.episodeKey).toBe(`school:${open[0]!.startedAt}`);
    const close = closed(signals, 'restricted_zone');
    expect(close).toHaveLength(1);
    expect(close[0]!.endedAt).toBe(T0 + path.indexOf(410) * 10_000);
  });

  it('a vehicle creeping along the boundary in and out never enters', () => {
    const path = Array.from({ length: 60 }, (_, i) => (i % 2 ? 8 : -8));
    expect(opened(replay(engineWith({ zones: [school] }), fixesAt(path)), 'restricted_zone')).toHaveLength(0);
  });

  it('only a loaded vehicle: the trip decides, else the load bits (configurable)', () => {
    const path = [-100, 50, 100, 150, 200, 250, 300];
    const run = (v = vehicle(), statusBits?: number, cfg = config()) =>
      opened(
        replay(
          engineWith({ zones: [school], vehicle: v, config: cfg }),
          fixesAt(path).map((p) => (statusBits === undefined ? p : { ...p, statusBits })),
        ),
        'restricted_zone',
      );
    expect(run(vehicle({ trip: { id: 't', routeId: null, loaded: false } }))).toHaveLength(0);
    expect(run(vehicle({ trip: null }), 0b11 | (3 << 8))).toHaveLength(1);
    expect(run(vehicle({ trip: null }), 0b11 | (1 << 8))).toHaveLength(1);
    expect(run(vehicle({ trip: null }), 0b11)).toHaveLength(0);
    expect(run(vehicle({ trip: null }), 0b11, config({ restricted: { loadedWithoutTrip: 'always' } }))).toHaveLength(1);
    // A loaded trip wins over load bits that say empty.
    expect(run(vehicle(), 0b11)).toHaveLength(1);
  });

  it('out-of-order back-fill around the corner of a zone raises no false entry', () => {
    // East along the south side (100 m south of the zone), then north along the east side (100 m east of it).
    const sw = at(-300, -300);
    const track = new Track({ lat: sw.lat, lon: sw.lon }).drive(120, 30, 90, 10);
    const firstLeg = track.positions.length;
    track.drive(120, 30, 0, 10);
    const south = track.positions.slice(0, firstLeg);
    const east = track.positions.slice(firstLeg);
    // Part of the first leg was lost to a blind area and arrives after the second; one back-filled fix even lies inside
    // the zone (a drifted fix stored by the terminal).
    const late = south.slice(4).map((p) => ({ ...p, blindArea: true, receivedAt: track.t + 5000 }));
    const inside = {
      ...position(south[6]!.t + 1000, center.lat, center.lon, 30),
      blindArea: true,
      receivedAt: track.t + 5000,
    };
    const e = engineWith({ zones: [school] });
    const signals = replay(e, [...south.slice(0, 4), ...east]);
    signals.push(...e.ingest('v1', [...late.reverse(), inside]));
    signals.push(...e.tick(track.t + 120_000));
    expect(signals.filter((s) => s.type === 'restricted_zone' || s.type === 'drift')).toEqual([]);
    expect(e.stats().late).toBe(late.length + 1);
  });

  it('with a reorder window, positions shuffled within it are put back in order: one entry, started at the first fix inside', () => {
    const path = [-200, -150, -100, -50, 20, 70, 120, 170, 220, 270];
    const fixes = fixesAt(path, 1).map((p) => ({ ...p, receivedAt: T0 + 20_000 }));
    const shuffled = [
      fixes[5]!,
      fixes[0]!,
      fixes[7]!,
      fixes[4]!,
      fixes[1]!,
      fixes[9]!,
      fixes[2]!,
      fixes[8]!,
      fixes[3]!,
      fixes[6]!,
    ];
    const e = engineWith({ zones: [school], config: config({ ordering: { reorderWindowS: 10 } }) });
    const signals: ReturnType<typeof e.ingest> = [];
    for (let i = 0; i < shuffled.length; i += 3) signals.push(...e.ingest('v1', shuffled.slice(i, i + 3)));
    signals.push(...e.tick(T0 + 60_000));
    expect(opened(signals, 'restricted_zone')).toMatchObject([{ startedAt: T0 + 4 * 1000 }]);
    expect(e.stats().late).toBe(0);
  });
});
