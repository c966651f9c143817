import { describe, expect, it } from 'vitest';
import { decodeBatch } from './batch.js';
import { newFlags } from './errors.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
// 0x0200 body: fixed, 2016-05-27 09:06:24 GMT+8, satellites 7
const ITEM = '00000000 00000003 01597412 06cbfd50 0172 0000 0001 160527090624 3101 07';
const item = `001f ${ITEM}`; // length 31

describe('decodeBatch', () => {
  it('reads count, type and length-prefixed positions', () => {
    const body = hex(`0002 00 ${item} ${item}`);
    const flags = newFlags();
    const b = decodeBatch(body, 0, body.length, flags);
    expect(b).toMatchObject({ type: 'batchLocation', dataType: 0 });
    if (!('positions' in b)) throw new Error('error');
    expect(b.positions).toHaveLength(2);
    expect(b.positions[0]).toMatchObject({ latitude: 22.639634, longitude: 114.031952, blindArea: false });
    expect(b.positions[1]!.items).toEqual({ satellites: 7 });
    expect(flags).toEqual(newFlags());
  });

  it('flags a count that disagrees with the items present', () => {
    const body = hex(`0003 01 ${item} ${item}`);
    const flags = newFlags();
    const b = decodeBatch(body, 0, body.length, flags);
    expect('positions' in b && b.positions.length).toBe(2);
    expect(flags.countMismatch).toBe(true);
  });

  it('stops at an item that runs past the body, keeping the ones before', () => {
    const body = hex(`0002 01 ${item} 0040 ${ITEM}`);
    const flags = newFlags();
    const b = decodeBatch(body, 0, body.length, flags);
    expect('positions' in b && b.positions.map((p) => p.blindArea)).toEqual([true]);
    expect(flags).toMatchObject({ truncated: true, countMismatch: true });
  });

  it('flags an item too short to be a position', () => {
    const body = hex('0001 00 0002 0000');
    const flags = newFlags();
    expect(decodeBatch(body, 0, body.length, flags)).toMatchObject({ positions: [] });
    expect(flags.truncated).toBe(true);
  });

  it('is a truncated error below three bytes', () => {
    expect(decodeBatch(hex('0001'), 0, 2, newFlags())).toMatchObject({ code: 'truncated' });
  });
});
