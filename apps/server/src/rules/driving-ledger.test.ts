import { describe, expect, it } from 'vitest';
import { defaultRulesConfig } from './config.js';
import { classifyPair } from './driving-intervals.js';
import { DrivingLedger, type ActivityKind } from './driving-ledger.js';

const MIN = 60_000;
/** 2026-06-01 06:00 Asia/Shanghai. */
const T = Date.UTC(2026, 5, 0, 22, 0, 0);

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A day of 30-second intervals: stints of driving and stops of random length. */
function day(seed: number): { from: number; to: number; kind: ActivityKind }[] {
  const rnd = lcg(seed);
  const out: { from: number; to: number; kind: ActivityKind }[] = [];
  let t = T;
  while (t < T + 16 * 60 * MIN) {
    const kind: ActivityKind = rnd() < 0.7 ? 'drive' : 'stop';
    const n = 1 + Math.floor(rnd() * (kind === 'drive' ? 300 : 60));
    for (let i = 0; i < n; i++, t += 30_000) out.push({ from: t, to: t + 30_000, kind });
  }
  return out;
}

describe('driving ledger', () => {
  it('gives the same clock whatever order the intervals arrive in (back-fill rebuilds, never restarts)', () => {
    for (const seed of [1, 2, 3]) {
      const intervals = day(seed);
      const inOrder = new DrivingLedger(20 * 60);
      for (const iv of intervals) inOrder.add(iv.from, iv.to, iv.kind, 1);
      const shuffled = new DrivingLedger(20 * 60);
      const rnd = lcg(seed + 100);
      const order = intervals.map((iv) => ({ iv, k: rnd() })).sort((a, b) => a.k - b.k);
      for (const { iv } of order) shuffled.add(iv.from, iv.to, iv.kind, 1);
      expect(shuffled.summary()).toEqual(inOrder.summary());
      // Taking intervals back and adding them again changes nothing either.
      for (const iv of intervals.slice(100, 400)) shuffled.add(iv.from, iv.to, iv.kind, -1);
      for (const iv of intervals.slice(100, 400)) shuffled.add(iv.from, iv.to, iv.kind, 1);
      expect(shuffled.summary()).toEqual(inOrder.summary());
    }
  });

  it('counts a stint of driving, keeps it through a short stop, ends it at a qualifying rest', () => {
    const l = new DrivingLedger(20 * 60);
    l.add(T, T + 120 * MIN, 'drive', 1);
    l.add(T + 120 * MIN, T + 139 * MIN, 'stop', 1);
    l.add(T + 139 * MIN, T + 200 * MIN, 'drive', 1);
    expect(l.summary()).toMatchObject({ stintS: 181 * 60, restS: 0, stintStart: T, dayDriveS: 181 * 60 });
    l.add(T + 200 * MIN, T + 221 * MIN, 'stop', 1);
    expect(l.summary()).toMatchObject({ stintS: 0, restS: 21 * 60 });
    l.add(T + 221 * MIN, T + 231 * MIN, 'drive', 1);
    expect(l.summary()).toMatchObject({ stintS: 10 * 60, stintStart: T + 221 * MIN, dayDriveS: 191 * 60 });
  });

  it('starts the daily count at midnight in Asia/Shanghai', () => {
    const l = new DrivingLedger(20 * 60);
    const midnight = Date.UTC(2026, 5, 1, 16, 0, 0);
    l.add(midnight - 30 * MIN, midnight + 45 * MIN, 'drive', 1);
    expect(l.summary()).toMatchObject({ dayStart: midnight, dayDriveS: 45 * 60, stintS: 75 * 60 });
  });

  it('explains a gap by where the vehicle went', () => {
    const f = defaultRulesConfig.fatigue;
    const a = { t: T, lat: 30.62, lon: 121.06, moving: true };
    expect(classifyPair(a, { ...a, t: T + 40 * MIN, moving: false }, f)).toEqual([
      { from: T, to: T + 40 * MIN, kind: 'stop' },
    ]);
    // 9 km in 40 minutes: 18 minutes of driving at 30 km/h, the other 22 a qualifying rest before it.
    const far = { t: T + 40 * MIN, lat: 30.62 + 9_000 / 111_195, lon: 121.06, moving: true };
    const explained = classifyPair(a, far, f);
    expect(explained.map((i) => i.kind)).toEqual(['stop', 'drive']);
    expect(Math.abs(explained[1]!.from - (T + 22 * MIN))).toBeLessThan(1000);
    expect(explained[0]).toMatchObject({ from: T, to: explained[1]!.from });
    // 15 km in 40 minutes: 30 of driving; the 10 left are too short to be a rest and count as neither.
    const further = { ...far, lat: 30.62 + 15_000 / 111_195 };
    const unknown = classifyPair(a, further, f);
    expect(unknown).toMatchObject([{ to: T + 40 * MIN, kind: 'drive' }]);
    expect(Math.abs(unknown[0]!.from - (T + 10 * MIN))).toBeLessThan(1000);
  });
});
