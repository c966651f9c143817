import { describe, expect, it } from 'vitest';
import { checkCode, escape, unescape, wrapFrame } from './frame.js';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('escape / unescape', () => {
  it('maps 7E → 7D 02 and 7D → 7D 01, and back', () => {
    expect(escape(hex('307e087d55')).toString('hex')).toBe('307d02087d0155');
    expect((unescape(hex('307d02087d0155')) as Buffer).toString('hex')).toBe('307e087d55');
  });

  it('returns a view, not a copy, when nothing is escaped', () => {
    const src = hex('0102030405');
    const out = unescape(src, 1, 4) as Buffer;
    expect(out.toString('hex')).toBe('020304');
    src[1] = 0xff;
    expect(out.toString('hex')).toBe('ff0304');
  });

  it.each([
    ['7d03', '0x7D followed by 0x03 at byte 0'],
    ['017d', '0x7D followed by end of frame at byte 1'],
    ['017e02', 'raw 0x7E inside the frame at byte 1'],
  ])('rejects %s as bad_escape', (input, detail) => {
    expect(unescape(hex(input))).toEqual({ code: 'bad_escape', detail });
  });

  it('wraps content in delimiters after escaping', () => {
    expect(wrapFrame(hex('7e7d')).toString('hex')).toBe('7e7d027d017e');
  });
});

describe('checkCode', () => {
  it('is the XOR of the range', () => {
    expect(checkCode(hex('0102030405'))).toBe(0x01 ^ 0x02 ^ 0x03 ^ 0x04 ^ 0x05);
    expect(checkCode(hex('ff0f'), 1)).toBe(0x0f);
    expect(checkCode(hex(''))).toBe(0);
  });
});
