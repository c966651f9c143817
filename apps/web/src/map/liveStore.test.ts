import type { LivePosition } from '@anlan/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStore, supersedes, type Timers } from './liveStore';

const at = (second: number) => new Date(Date.UTC(2026, 0, 10, 8, 0, second)).toISOString();
const pos = (vehicleId: string, second: number, extra: Partial<LivePosition> = {}): LivePosition => ({
  vehicleId,
  plate: `浙F·${vehicleId}`,
  organisationId: '00000000-0000-4000-8000-000000000001',
  deviceTime: at(second),
  lat: 30.6 + second / 1000,
  lon: 121.08,
  speedKmh: 50,
  heading: 90,
  alarmBits: 0,
  statusBits: 3,
  online: true,
  ...extra,
});

describe('supersedes', () => {
  it('takes a later device time, and a presence change at the same time, but never an older position', () => {
    expect(supersedes(undefined, pos('a', 1))).toBe(true);
    expect(supersedes(pos('a', 1), pos('a', 2))).toBe(true);
    expect(supersedes(pos('a', 2), pos('a', 1))).toBe(false);
    expect(supersedes(pos('a', 2), pos('a', 2))).toBe(false);
    expect(supersedes(pos('a', 2), pos('a', 2, { online: false }))).toBe(true);
  });
});

describe('LiveStore', () => {
  const timers: Timers = {
    now: () => Date.now(),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  let flushes: { ids: string[]; lat: Record<string, number>; at: number }[];
  let store: LiveStore;
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    flushes = [];
    store = new LiveStore(
      (all) => flushes.push({ ids: [...all.keys()].sort(), lat: Object.fromEntries([...all].map(([k, v]) => [k, v.lat])), at: Date.now() }),
      500,
      timers,
    );
  });
  afterEach(() => {
    store.dispose();
    vi.useRealTimers();
  });

  it('merges a burst of updates by vehicle id into one flush holding the newest of each', () => {
    expect(store.offer([pos('a', 1), pos('b', 1)])).toBe(2);
    store.offer([pos('a', 3), pos('a', 2)]); // out of order: 2 arrives after 3 and is dropped
    vi.advanceTimersByTime(0);
    expect(flushes).toHaveLength(1);
    expect(flushes[0]!.ids).toEqual(['a', 'b']);
    expect(flushes[0]!.lat.a).toBeCloseTo(30.603);
  });

  it('flushes at most once per interval however many messages arrive', () => {
    for (let ms = 0; ms < 2000; ms += 50) {
      store.offer([pos('a', ms / 50 + 1)]);
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(500);
    // 2 s of updates every 50 ms: one flush at once, then one per 500 ms.
    expect(flushes.length).toBeGreaterThanOrEqual(4);
    expect(flushes.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < flushes.length; i++) expect(flushes[i]!.at - flushes[i - 1]!.at).toBeGreaterThanOrEqual(500);
    expect(store.get('a')?.deviceTime).toBe(at(40));
  });

  it('stays quiet when nothing changed and counts versions for the views', () => {
    store.offer([pos('a', 5)]);
    vi.advanceTimersByTime(600);
    expect(store.offer([pos('a', 4), pos('a', 5)])).toBe(0);
    vi.advanceTimersByTime(2000);
    expect(flushes).toHaveLength(1);
    expect(store.version).toBe(1);
  });

  it('stops flushing once disposed (the page left)', () => {
    store.offer([pos('a', 1)]);
    store.dispose();
    vi.advanceTimersByTime(1000);
    expect(flushes).toHaveLength(0);
  });
});
