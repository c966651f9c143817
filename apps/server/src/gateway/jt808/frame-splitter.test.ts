import { describe, expect, it } from 'vitest';
import { FrameSplitter, splitFrames } from './frame-splitter.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const asHex = (frames: Buffer[]) => frames.map((f) => f.toString('hex'));

describe('FrameSplitter', () => {
  it('splits back-to-back frames and skips garbage between them', () => {
    const s = new FrameSplitter();
    expect(asHex(s.push(hex('2424 7e0102 7e 7e0304 7e 4141 7e05 7e')))).toEqual(['0102', '0304', '05']);
    expect(s.stats).toEqual({ frames: 3, garbageBytes: 4, oversizedFrames: 0 });
  });

  it('joins a frame split across chunks and copies it', () => {
    const s = new FrameSplitter();
    expect(s.push(hex('7e01'))).toEqual([]);
    expect(s.bufferedBytes).toBe(1);
    const chunk = hex('02037e');
    const [frame] = s.push(chunk);
    chunk.fill(0);
    expect(frame!.toString('hex')).toBe('010203');
  });

  it('returns a view of the chunk for a frame wholly inside it', () => {
    const chunk = hex('7e0a0b7e');
    const [frame] = new FrameSplitter().push(chunk);
    chunk[1] = 0xff;
    expect(frame!.toString('hex')).toBe('ff0b');
  });

  it('treats an empty frame (7E 7E) as the start of the next', () => {
    expect(asHex(splitFrames(hex('7e7e7e01027e')))).toEqual(['0102']);
  });

  it('resynchronises after garbage that contains a lone 7E, losing one frame at most', () => {
    const frames = asHex(splitFrames(hex('7e01017e 99 7e 98 7e02027e 7e03037e')));
    expect(frames).toContain('0101');
    expect(frames).toContain('0303');
  });

  it('discards an oversized frame, counts it, and recovers on the next one', () => {
    const s = new FrameSplitter({ maxFrameBytes: 4 });
    const out = s.push(hex('7e 0102030405 7e 7e 0a0b 7e'));
    expect(asHex(out)).toEqual(['0a0b']);
    expect(s.stats.oversizedFrames).toBe(1);
    expect(s.stats.garbageBytes).toBe(5);
    expect(s.bufferedBytes).toBe(0);
  });

  it('bounds memory when a frame never ends', () => {
    const s = new FrameSplitter({ maxFrameBytes: 16 });
    s.push(hex('7e'));
    for (let i = 0; i < 100; i++) s.push(Buffer.alloc(10, 1));
    expect(s.bufferedBytes).toBeLessThanOrEqual(16);
    expect(s.stats.oversizedFrames).toBe(1);
    expect(s.stats.garbageBytes).toBe(1000);
  });

  it('reset drops a partial frame', () => {
    const s = new FrameSplitter();
    s.push(hex('7e0102'));
    s.reset();
    expect(s.push(hex('037e7e04057e')).map((f) => f.toString('hex'))).toEqual(['0405']);
  });

  it('accepts a plain Uint8Array', () => {
    expect(asHex(splitFrames(new Uint8Array([0x7e, 1, 0x7e])))).toEqual(['01']);
  });
});
