import { describe, expect, it } from 'vitest';
import { closed, engineWith, opened, replay, T0, Track } from './testing/tracks.js';

const MIN = 60_000;

describe('fatigue (连续驾驶)', () => {
  it('4 h 10 min of driving with one 18-minute stop: exactly one fatigue alarm and its warning', () => {
    const track = new Track()
      .drive(2 * 3600, 60)
      .stop(18 * 60)
      .drive(2 * 3600 + 10 * 60, 60);
    const signals = replay(engineWith(), track.positions);
    const fatigue = opened(signals, 'fatigue');
    const warning = opened(signals, 'fatigue_warning');
    expect(fatigue).toHaveLength(1);
    expect(warning).toHaveLength(1);
    // Driving time, not elapsed time: the limit falls 4 h of driving + the 18-minute stop after the start.
    expect(Math.abs(fatigue[0]!.startedAt - (T0 + (4 * 60 + 18) * MIN))).toBeLessThanOrEqual(MIN);
    expect(Math.abs(warning[0]!.startedAt - (T0 + (3 * 60 + 48) * MIN))).toBeLessThanOrEqual(MIN);
    expect(fatigue[0]).toMatchObject({ severity: 'serious', tripId: 'trip-1', organisationId: 'org-carrier' });
    expect(fatigue[0]!.details).toMatchObject({ limitMin: 240 });
    // The warning gives way to the alarm; the alarm stays open while the driving goes on.
    expect(closed(signals, 'fatigue_warning')[0]!.endedAt).toBe(fatigue[0]!.startedAt);
    expect(closed(signals, 'fatigue')).toHaveLength(0);
  });

  it('4 h of driving with a 25-minute stop: none', () => {
    const track = new Track()
      .drive(2 * 3600, 60)
      .stop(25 * 60)
      .drive(2 * 3600, 60);
    const signals = replay(engineWith(), track.positions);
    expect(opened(signals, 'fatigue')).toHaveLength(0);
    expect(opened(signals, 'fatigue_warning')).toHaveLength(0);
  });

  it('closes when a qualifying rest has begun, at its start, and a new stint may alarm again', () => {
    const track = new Track().drive(4 * 3600 + 10 * 60, 60);
    const restStart = track.t;
    track.stop(30 * 60).drive(4 * 3600 + 5 * 60, 60);
    const signals = replay(engineWith(), track.positions);
    expect(opened(signals, 'fatigue')).toHaveLength(2);
    const first = closed(signals, 'fatigue')[0]!;
    expect(Math.abs(first.endedAt! - restStart)).toBeLessThanOrEqual(MIN);
    expect(new Set(opened(signals, 'fatigue').map((s) => s.episodeKey)).size).toBe(2);
  });

  it('a signal loss while the vehicle travels far is not a rest', () => {
    // 3 h 30 of driving, 40 minutes without reports while covering 30 km, then 20 minutes more.
    const track = new Track()
      .drive(3.5 * 3600, 60)
      .gap(40 * 60, 30_000)
      .report(60)
      .drive(20 * 60, 60);
    expect(opened(replay(engineWith(), track.positions), 'fatigue')).toHaveLength(1);
  });

  it('a signal loss while the vehicle stands where it stopped is a rest', () => {
    const track = new Track()
      .drive(3.5 * 3600, 60)
      .stop(60)
      .gap(40 * 60)
      .report(0)
      .drive(1 * 3600, 60);
    expect(opened(replay(engineWith(), track.positions), 'fatigue')).toHaveLength(0);
  });

  it('late positions of an earlier stop never restart the clock', () => {
    const track = new Track().drive(4 * 3600 + 10 * 60, 60);
    const live = track.positions;
    // Re-sent reports from an hour in, saying "standing" (a terminal re-sending old data): they must change nothing.
    const stale = live.slice(120, 150).map((p) => ({ ...p, t: p.t + 1000, speedKmh: 0, blindArea: true }));
    const mixed = [...live.slice(0, 400), ...stale, ...live.slice(400)];
    const signals = replay(engineWith(), mixed);
    expect(opened(signals, 'fatigue')).toHaveLength(1);
    expect(closed(signals, 'fatigue')).toHaveLength(0);
  });

  it('back-fill that shows driving inside what looked like a rest counts that driving', () => {
    // 3 h of driving; a 30-minute blind area in which it drove a loop back to where it was; 1 h 10 more.
    const track = new Track().drive(3 * 3600, 60);
    const before = track.positions.length;
    track.drive(15 * 60, 40, 0).drive(15 * 60, 40, 180);
    const blind = track.positions.splice(before).map((p) => ({ ...p, blindArea: true }));
    track.drive(70 * 60, 60);
    const live = replay(engineWith(), track.positions);
    // Without the back-fill the 30-minute silence in one place reads as a rest: no alarm.
    expect(opened(live, 'fatigue')).toHaveLength(0);

    const e = engineWith();
    const signals = replay(e, track.positions);
    const late = blind.map((p) => ({ ...p, receivedAt: track.t + 5000 }));
    signals.push(...e.ingest('v1', late));
    expect(opened(signals, 'fatigue')).toHaveLength(1);
    expect(e.stats()).toMatchObject({ late: blind.length, backfilled: blind.length });
  });
});

describe('daily driving (当天累计驾驶)', () => {
  it('over 8 h in one Asia/Shanghai day: one warning, one alarm, closed at midnight', () => {
    // From 06:00 local: four 2 h 05 stints with 30-minute rests = 8 h 20 of driving by about 16:00.
    const track = new Track({ t: T0 - 4 * 3_600_000 });
    for (let i = 0; i < 4; i++) track.drive(2 * 3600 + 5 * 60, 50, i % 2 ? 270 : 90).stop(30 * 60);
    const e = engineWith();
    const signals = replay(e, track.positions);
    expect(opened(signals, 'daily_driving_warning')).toHaveLength(1);
    const alarm = opened(signals, 'daily_driving');
    expect(alarm).toHaveLength(1);
    expect(alarm[0]!.details).toMatchObject({ limitMin: 480 });
    expect(opened(signals, 'fatigue')).toHaveLength(0);
    const midnight = Date.UTC(2026, 5, 1, 16, 0, 0);
    const after = e.tick(midnight + 5 * MIN);
    expect(closed(after, 'daily_driving')).toMatchObject([{ endedAt: midnight, episodeKey: alarm[0]!.episodeKey }]);
  });
});
