import { describe, expect, it } from 'vitest';
import { i16, u16, u32 } from './bytes.js';

describe('unchecked reads', () => {
  it('agree with Buffer for every edge value', () => {
    const b = Buffer.from('00ff7f80ffffffff0000000180000000', 'hex');
    for (let o = 0; o + 4 <= b.length; o++) {
      expect(u16(b, o)).toBe(b.readUInt16BE(o));
      expect(i16(b, o)).toBe(b.readInt16BE(o));
      expect(u32(b, o)).toBe(b.readUInt32BE(o));
    }
  });
});
