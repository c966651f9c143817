import { describe, expect, it } from 'vitest';
import { measureDecode, resultFile, sampleFrames } from './jt808-decode.js';
import { decodeFrame } from '../apps/server/src/gateway/jt808/codec.js';

describe('jt808-decode bench', () => {
  it('runs briefly and reports in the results format', () => {
    const result = measureDecode({ frames: 64, roundMs: 20, rounds: 1 });
    expect(result.decodePerSec).toBeGreaterThan(0);
    expect(result.copyPerSec).toBeGreaterThan(0);
    expect(result.ratio).toBeGreaterThan(0);
    const file = resultFile(result) as { name: string; metrics: Record<string, { unit: string }> };
    expect(file.name).toBe('jt808-decode');
    expect(Object.keys(file.metrics)).toEqual(['decode_0200', 'buffer_copy', 'ratio']);
  });

  it('benchmarks frames that decode', () => {
    for (const frame of sampleFrames(32))
      expect(decodeFrame(frame)).toMatchObject({ ok: true, message: { type: 'location' } });
  });
});
