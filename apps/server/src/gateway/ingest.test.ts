import { describe, expect, it } from 'vitest';
import { Ingest, type Submission } from './ingest.js';
import type { PositionRecord } from './position-record.js';
import { GatewayCounters } from './stats.js';

const record = (k: number, lat = 30.6): PositionRecord => ({
  vehicleId: `00000000-0000-4000-8000-${String(k % 3).padStart(12, '0')}`,
  deviceTime: new Date(Date.UTC(2026, 10, 20) + k * 1000),
  receivedAt: new Date(),
  lat,
  lon: 121.1,
  speedKmh: 40,
  heading: 0,
  altitudeM: 0,
  alarmBits: 0,
  statusBits: 3,
  mileageKm: null,
  blindArea: false,
  extras: null,
});

function submission(records: PositionRecord[], log: string[], name: string): Submission {
  return { records, organisationId: 'org', plate: name, done: (ok) => log.push(`${name}:${ok}`) };
}

describe('Ingest', () => {
  it('batches by size at once and by age after the delay, acknowledging only after each commit', async () => {
    const batches: number[] = [];
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const ingest = new Ingest(
      async (rows) => {
        batches.push(rows.length);
        if (batches.length === 1) await blocked;
        return { inserted: rows.length };
      },
      { batchSize: 3, maxDelayMs: 30, concurrency: 1 },
      new GatewayCounters(),
    );
    const log: string[] = [];
    for (let k = 0; k < 4; k++) ingest.submit(submission([record(k)], log, `s${k}`));
    await new Promise((r) => setTimeout(r, 5));
    expect(batches).toEqual([3]);
    expect(log).toEqual([]);
    release();
    await ingest.drain();
    expect(batches).toEqual([3, 1]);
    expect(log).toEqual(['s0:true', 's1:true', 's2:true', 's3:true']);
  });

  it('lets rows that queued behind a commit wait out their delay, so they commit together', async () => {
    const starts: { at: number; rows: number }[] = [];
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const ingest = new Ingest(
      async (rows) => {
        starts.push({ at: performance.now(), rows: rows.length });
        if (starts.length === 1) await blocked;
        return { inserted: rows.length };
      },
      { batchSize: 100, maxDelayMs: 40, concurrency: 1 },
      new GatewayCounters(),
    );
    const log: string[] = [];
    const later = (ms: number, f: () => void) => new Promise<void>((r) => setTimeout(() => r(f()), ms));
    ingest.submit(submission([record(0)], log, 'first'));
    await later(45, () => undefined);
    expect(starts).toHaveLength(1);
    // Behind the commit of `first`: queued at +45 ms; the commit ends at +50; a third row comes at +60.
    const queuedAt = performance.now();
    ingest.submit(submission([record(1)], log, 'second'));
    await later(5, release);
    await later(10, () => ingest.submit(submission([record(2)], log, 'third')));
    await new Promise((r) => setTimeout(r, 60));
    expect(starts.map((s) => s.rows)).toEqual([1, 2]);
    expect(starts[1]!.at - queuedAt).toBeGreaterThanOrEqual(39);
    await ingest.drain();
    expect(log).toEqual(['first:true', 'second:true', 'third:true']);
  });

  it('keeps a 0x0704 whole in one batch and never runs more batches at once than allowed', async () => {
    let inFlight = 0;
    let most = 0;
    const ingest = new Ingest(
      async (rows) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { inserted: rows.length - 1 };
      },
      { batchSize: 4, maxDelayMs: 1, concurrency: 2 },
      new GatewayCounters(),
    );
    const log: string[] = [];
    ingest.submit(submission([record(1), record(2), record(3), record(4), record(5)], log, 'big'));
    for (let k = 0; k < 20; k++) ingest.submit(submission([record(10 + k)], log, `s${k}`));
    await ingest.drain();
    expect(log).toHaveLength(21);
    expect(most).toBe(2);
  });

  it('isolates a poisonous submission: only its terminal gets a failure', async () => {
    const counters = new GatewayCounters();
    const errors: unknown[] = [];
    const ingest = new Ingest(
      async (rows) => {
        if (rows.some((r) => r.lat > 90)) throw new Error('out of range');
        return { inserted: rows.length };
      },
      { batchSize: 10, maxDelayMs: 1, concurrency: 1, onError: (e) => errors.push(e) },
      counters,
    );
    const log: string[] = [];
    ingest.submit(submission([record(1)], log, 'a'));
    ingest.submit(submission([record(2, 999)], log, 'bad'));
    ingest.submit(submission([record(3)], log, 'c'));
    await ingest.drain();
    expect(log.sort()).toEqual(['a:true', 'bad:false', 'c:true']);
    expect(counters.batchesFailed).toBe(2);
    expect(counters.positionsCommitted).toBe(2);
    expect(errors).toHaveLength(2);
  });

  it('reports each committed batch with its stage times in order, after its acks', async () => {
    const ingest = new Ingest(
      async (rows) => ({ inserted: rows.length }),
      { batchSize: 2, maxDelayMs: 1, concurrency: 1 },
      new GatewayCounters(),
    );
    const log: string[] = [];
    const seen: { rows: number; acksBefore: number; ordered: boolean }[] = [];
    ingest.onBatchTiming((t) => {
      const s = t.subs[0]!;
      const ordered =
        s.readAt! <= s.queuedAt! &&
        s.queuedAt! <= t.startedAt &&
        t.startedAt <= t.committedAt &&
        t.committedAt <= t.answeredAt;
      seen.push({ rows: t.rows, acksBefore: log.length, ordered });
    });
    for (let k = 0; k < 2; k++) ingest.submit({ ...submission([record(k)], log, `s${k}`), readAt: performance.now() });
    await ingest.drain();
    expect(seen).toEqual([{ rows: 2, acksBefore: 2, ordered: true }]);
  });
});
