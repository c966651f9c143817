import { describe, expect, it } from 'vitest';
import { ByteWriter, readBcdTime, readIdentifier, readText, writeBcdTime } from './fields.js';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('BCD time', () => {
  it('reads YYMMDDhhmmss in GMT+8 as a UTC instant', () => {
    expect(new Date(readBcdTime(hex('260615105725'), 0)).toISOString()).toBe('2026-06-15T02:57:25.000Z');
    // Just after midnight in China is the previous day in UTC.
    expect(new Date(readBcdTime(hex('250101000500'), 0)).toISOString()).toBe('2024-12-31T16:05:00.000Z');
    expect(new Date(readBcdTime(hex('240229235959'), 0)).toISOString()).toBe('2024-02-29T15:59:59.000Z');
  });

  it.each([
    '000000000000',
    '251301000000',
    '250230000000',
    '230229000000',
    '2501012400 00',
    '25010100600a',
    'ff0101000000',
  ])('returns NaN for %s', (s) => {
    expect(readBcdTime(hex(s.replace(' ', '')), 0)).toBeNaN();
  });

  it('agrees with Date.UTC for every day of the century', () => {
    const b = Buffer.alloc(6);
    for (let t = Date.UTC(2000, 0, 1, 0, 0, 0); t < Date.UTC(2099, 11, 31); t += 86_400_000 + 3_601_000) {
      writeBcdTime(b, 0, new Date(t));
      expect(readBcdTime(b, 0)).toBe(t);
    }
  });

  it('refuses to write a time outside 2000–2099', () => {
    expect(() => writeBcdTime(Buffer.alloc(6), 0, new Date('1999-12-31T15:59:59Z'))).toThrow(RangeError);
  });
});

describe('text fields', () => {
  it('decodes GBK and strips NUL padding', () => {
    expect(readText(hex('00d4c1423838383838000000'), 0, 12)).toBe('粤B88888');
    expect(readText(hex('000000'), 0, 3)).toBe('');
  });

  it('reads identifiers as ASCII, or as hex when they are not printable', () => {
    expect(readIdentifier(hex('30353637383732'), 0, 7)).toBe('0567872');
    expect(readIdentifier(hex('00094027849470'), 0, 7)).toBe('00094027849470');
  });
});

describe('ByteWriter', () => {
  it('grows and pads fixed text', () => {
    const w = new ByteWriter(2);
    w.u8(1).u16(0x0203).u32(0x04050607).fixedText('粤', 4, 'x');
    expect(w.finish().toString('hex')).toBe('01020304050607d4c10000');
    expect(() => w.fixedText('toolong', 3, 'model')).toThrow(/model/);
  });
});
