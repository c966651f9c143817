import { describe, expect, it } from 'vitest';
import { newFlags } from './errors.js';
import { ByteWriter } from './fields.js';
import { decodeParamsAnswer, decodeQueryParamsById, decodeSetParams, encodeParams } from './params.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('0x0104 parameters answer', () => {
  it('decodes the known DWORD parameters as numbers and the rest as hex', () => {
    const body = hex(
      '0011 03' + // reply serial 17, three parameters
        '00000029 04 0000001e' + // report interval 30 s
        '00000055 04 00000050' + // max speed 80 km/h
        '00000013 03 616263', // server address "abc": not decoded here
    );
    const flags = newFlags();
    expect(decodeParamsAnswer(body, 0, body.length, flags)).toEqual({
      type: 'paramsAnswer',
      replySerial: 17,
      params: [
        { id: 0x29, value: 30 },
        { id: 0x55, value: 80 },
        { id: 0x13, hex: '616263' },
      ],
    });
    expect(flags).toEqual(newFlags());
  });

  it('keeps a known id with an odd length as hex', () => {
    const body = hex('0001 01 00000056 02 000a');
    expect(decodeParamsAnswer(body, 0, body.length, newFlags())).toMatchObject({ params: [{ id: 0x56, hex: '000a' }] });
  });

  it('flags a parameter that runs past the body and a count that disagrees', () => {
    const body = hex('0001 02 00000057 04 00003840 00000058 04 0000');
    const flags = newFlags();
    expect(decodeParamsAnswer(body, 0, body.length, flags)).toMatchObject({ params: [{ id: 0x57, value: 14400 }] });
    expect(flags).toMatchObject({ truncated: true, countMismatch: true });
  });

  it('is truncated below three bytes', () => {
    expect(decodeParamsAnswer(hex('00'), 0, 1, newFlags())).toMatchObject({ code: 'truncated' });
  });
});

describe('0x8103 / 0x8106', () => {
  it('encodes numbers by size, hex and GBK text', () => {
    const w = new ByteWriter();
    encodeParams(w, [
      { id: 0x0059, value: 1200 },
      { id: 0x0084, value: 2, size: 1 },
      { id: 0x0083, text: '浙' },
      { id: 0xf001, hex: 'aabb' },
    ]);
    const expected = '04' + '00000059 04 000004b0' + '00000084 01 02' + '00000083 02 d5e3' + '0000f001 02 aabb';
    expect(w.finish().toString('hex')).toBe(expected.replace(/ /g, '')); // 浙 = D5E3 in GBK
    const body = w.finish();
    expect(decodeSetParams(body, 0, body.length, newFlags())).toMatchObject({
      params: [{ id: 0x59, value: 1200 }, {}, {}, {}],
    });
  });

  it('decodes a 0x8106 id list and flags a short one', () => {
    const body = hex('02 00000055 0000005a');
    expect(decodeQueryParamsById(body, 0, body.length, newFlags())).toEqual({
      type: 'queryParamsById',
      ids: [0x55, 0x5a],
    });
    const flags = newFlags();
    expect(decodeQueryParamsById(body, 0, 7, flags)).toEqual({ type: 'queryParamsById', ids: [0x55] });
    expect(flags.countMismatch).toBe(true);
  });

  it('refuses more than 255 parameters', () => {
    const params = Array.from({ length: 256 }, (_, id) => ({ id, value: 0 }));
    expect(() => encodeParams(new ByteWriter(), params)).toThrow(RangeError);
  });
});
