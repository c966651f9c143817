import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeMessage, type DecodeResult } from './codec.js';
import { FrameSplitter } from './frame.js';
import { inspectFrame, toWire } from './inspect.js';
import type { LocationInput } from './messages.js';

const file = new URL('../../../../../../shared/testdata/jt808/traccar-decoder-frames.txt', import.meta.url);
const realFrames = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => /^[0-9a-f]+$/i.test(l.trim()))
  .map((l) => toWire(l.trim()));

/** The decoder's contract on any input: a typed result, no exception, no internal error, bounded output. */
function checkDecode(bytes: Uint8Array): DecodeResult {
  const r = decodeFrame(bytes);
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) expect(r.error.code).not.toBe('internal');
  expect(JSON.stringify(r).length).toBeLessThan(200 * bytes.length + 10_000);
  return r;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(frame: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(frame);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip' && b.length > 0) b[at] = b[at]! ^ (1 << m.bit);
    else if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.count)]);
  }
  return b;
}

describe('fuzzing the decoder', () => {
  it('survives random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => void checkDecode(bytes)),
      { numRuns: 3000 },
    );
  });

  it('survives random bytes that look like frames (0x7E, 0x7D and header-shaped starts are common)', () => {
    const byte = fc.oneof(fc.constantFrom(0x7e, 0x7d, 0x01, 0x02, 0x00, 0x40, 0x20), fc.integer({ min: 0, max: 255 }));
    const frameLike = fc
      .tuple(
        fc.constantFrom(0x0200, 0x0704, 0x0100, 0x0102, 0x0104, 0x8103, 0x8300, 0x0001),
        fc.array(byte, { maxLength: 600 }),
      )
      .map(([id, rest]) => Buffer.from([0x7e, id >> 8, id & 0xff, ...rest, 0x7e]));
    fc.assert(
      fc.property(frameLike, (bytes) => void checkDecode(bytes)),
      { numRuns: 3000 },
    );
  });

  it('survives mutated real frames (bit flips, truncation, insertion, deletion)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realFrames), fc.array(mutation, { minLength: 1, maxLength: 4 }), (frame, ms) => {
        const bytes = mutate(frame, ms);
        checkDecode(bytes);
        if (bytes.length > 0) expect(() => inspectFrame(bytes.toString('hex'))).not.toThrow();
      }),
      { numRuns: 4000 },
    );
  });

  it('keeps the header on every unsupported_message from a lightly mutated frame', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realFrames), fc.array(mutation, { maxLength: 2 }), (frame, ms) => {
        const r = checkDecode(mutate(frame, ms));
        if (!r.ok && r.error.code === 'unsupported_message') expect(r.header).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fuzzing the splitter', () => {
  const chunked = fc.tuple(
    fc.uint8Array({ maxLength: 4096 }),
    fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1 }),
  );

  it('accounts for every byte and never holds more than its limit', () => {
    fc.assert(
      fc.property(chunked, fc.integer({ min: 1, max: 512 }), ([bytes, cuts], max) => {
        const s = new FrameSplitter({ maxFrameBytes: max });
        let framed = 0;
        let pos = 0;
        for (let i = 0; pos < bytes.length; i++) {
          const size = cuts[i % cuts.length]!;
          for (const f of s.push(bytes.subarray(pos, pos + size))) {
            expect(f.length).toBeGreaterThan(0);
            expect(f.length).toBeLessThanOrEqual(max);
            expect(f.includes(0x7e)).toBe(false);
            framed += f.length;
          }
          pos += size;
          expect(s.bufferedBytes).toBeLessThanOrEqual(max);
        }
        const delimiters = bytes.filter((b) => b === 0x7e).length;
        expect(framed + s.stats.garbageBytes + s.bufferedBytes + delimiters).toBe(bytes.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('recovers every intact frame of a stream, however it is chunked, with garbage between frames', () => {
    const noise = fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b.filter((x) => x !== 0x7e)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...realFrames), noise), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1 }),
        (parts, cuts) => {
          const stream = Buffer.concat(parts.flatMap(([frame, junk]) => [junk, frame]));
          const s = new FrameSplitter();
          const out: Buffer[] = [];
          let pos = 0;
          for (let i = 0; pos < stream.length; i++) {
            const size = cuts[i % cuts.length]!;
            out.push(...s.push(stream.subarray(pos, pos + size)).map((f) => Buffer.from(f)));
            pos += size;
          }
          expect(out.map((f) => f.toString('hex'))).toEqual(parts.map(([f]) => f.subarray(1, -1).toString('hex')));
          for (const f of out) checkDecode(f);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('round-trip property', () => {
  const position = fc.record({
    alarm: fc.nat({ max: 0xffffffff }),
    status: fc.nat({ max: 0xffffffff }),
    latitude: fc.integer({ min: -90_000_000, max: 90_000_000 }).map((n) => n / 1e6),
    longitude: fc.integer({ min: -180_000_000, max: 180_000_000 }).map((n) => n / 1e6),
    altitude: fc.integer({ min: -32768, max: 32767 }),
    speed: fc.integer({ min: 0, max: 65535 }).map((n) => n / 10),
    direction: fc.integer({ min: 0, max: 359 }),
    time: fc
      .integer({ min: Date.UTC(2000, 0, 1, 0, 0, 0) - 8 * 3600_000, max: Date.UTC(2099, 11, 31, 15, 59, 59) })
      .map((ms) => new Date(Math.floor(ms / 1000) * 1000)),
    items: fc.record(
      {
        mileageKm: fc.nat({ max: 0xffffffff }).map((n) => n / 10),
        satellites: fc.integer({ min: 0, max: 255 }),
        io: fc.integer({ min: 0, max: 0xffff }),
      },
      { requiredKeys: [] },
    ),
  });

  it('decode(encode(p)) gives p back for any position', () => {
    fc.assert(
      fc.property(position, fc.constantFrom(2013, 2019) as fc.Arbitrary<2013 | 2019>, (p: LocationInput, version) => {
        const r = decodeFrame(
          encodeMessage({ phone: '13800138000', serial: 1, version }, { type: 'location', position: p }),
        );
        if (!r.ok || r.message.type !== 'location') throw new Error(JSON.stringify(r));
        const got = r.message.position;
        // 0 and -0 are one wire value.
        expect(got.latitude).toBe(p.latitude === 0 ? 0 : p.latitude);
        expect(got.longitude).toBe(p.longitude === 0 ? 0 : p.longitude);
        expect([got.altitude, got.speed, got.direction]).toEqual([p.altitude, p.speed, p.direction]);
        expect(got.time?.getTime()).toBe(p.time.getTime());
        expect(got.alarm).toBe(p.alarm);
        expect(got.items).toEqual(p.items);
        expect(got.statusFlags.south).toBe(p.latitude < 0);
        expect(got.statusFlags.west).toBe(p.longitude < 0);
      }),
      { numRuns: 2000 },
    );
  });
});
