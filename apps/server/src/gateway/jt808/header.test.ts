import { describe, expect, it } from 'vitest';
import { headerLength, parseHeader, writeHeader, type HeaderFields } from './header.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('parseHeader', () => {
  it('reads a 2011/2013 header: id, properties, BCD phone, serial', () => {
    const b = hex('0200 0022 001401249917 0007');
    expect(parseHeader(b, 0, b.length)).toEqual({
      msgId: 0x0200,
      bodyLength: 0x22,
      encryption: 0,
      is2019: false,
      protocolVersion: 0,
      phone: '001401249917',
      serial: 7,
      packet: null,
      length: 12,
    });
  });

  it('reads a 2019 header: version byte and 10-byte phone', () => {
    const b = hex('0100 405c 01 00000866496077582164 5218');
    expect(parseHeader(b, 0, b.length)).toMatchObject({
      is2019: true,
      protocolVersion: 1,
      phone: '00000866496077582164',
      serial: 0x5218,
      bodyLength: 0x5c,
      length: 17,
    });
  });

  it('reads subpackage fields and encryption bits', () => {
    // props 0x2410: subpackage, RSA (bit 10), length 16
    const b = hex('0704 2410 013800138000 0009 0003 0002');
    expect(parseHeader(b, 0, b.length)).toMatchObject({
      bodyLength: 16,
      encryption: 1,
      packet: { total: 3, index: 2 },
      length: 16,
    });
  });

  it('reads at an offset', () => {
    const b = hex('ffff 0002 0000 013800138000 0001');
    expect(parseHeader(b, 2, b.length)).toMatchObject({ msgId: 0x0002, serial: 1 });
  });

  it('rejects content shorter than the header it announces', () => {
    expect(parseHeader(hex('0200 0000 0138'), 0, 6)).toMatchObject({ code: 'bad_length' });
    const b = hex('0200 4000 01 00000000000000000000'); // 2019 flag, serial missing
    expect(parseHeader(b, 0, b.length)).toMatchObject({ code: 'bad_length' });
  });
});

describe('writeHeader', () => {
  const cases: [string, HeaderFields][] = [
    ['2013', { msgId: 0x8001, phone: '13800138000', serial: 65535 }],
    ['2019', { msgId: 0x0200, phone: '13800138000', serial: 3, version: 2019, protocolVersion: 2 }],
    ['2013 part', { msgId: 0x0704, phone: '013800138000', serial: 9, packet: { total: 4, index: 4 } }],
    ['2019 part', { msgId: 0x0704, phone: '1', serial: 9, version: 2019, packet: { total: 2, index: 1 } }],
  ];

  it.each(cases)('%s round-trips through parseHeader', (_, fields) => {
    const b = Buffer.alloc(headerLength(fields));
    expect(writeHeader(b, 0, fields, 100)).toBe(b.length);
    const h = parseHeader(b, 0, b.length);
    const digits = fields.version === 2019 ? 20 : 12;
    expect(h).toMatchObject({
      msgId: fields.msgId,
      phone: fields.phone.padStart(digits, '0'),
      serial: fields.serial,
      bodyLength: 100,
      packet: fields.packet ?? null,
      is2019: fields.version === 2019,
      protocolVersion: fields.version === 2019 ? (fields.protocolVersion ?? 1) : 0,
    });
  });

  it('refuses what the header cannot carry', () => {
    const b = Buffer.alloc(32);
    expect(() => writeHeader(b, 0, { msgId: 1, phone: '1', serial: 1 }, 1024)).toThrow(RangeError);
    expect(() => writeHeader(b, 0, { msgId: 1, phone: '1234567890123', serial: 1 }, 0)).toThrow(RangeError);
    expect(() => writeHeader(b, 0, { msgId: 1, phone: '13x', serial: 1 }, 0)).toThrow(RangeError);
    expect(() => writeHeader(b, 0, { msgId: 1, phone: '1', serial: 1, encryption: 8 }, 0)).toThrow(RangeError);
  });
});
