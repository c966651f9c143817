import { describe, expect, it } from 'vitest';
import { newFlags } from './errors.js';
import { ByteWriter } from './fields.js';
import { parseHeader, type Jt808Header } from './header.js';
import { decodeAuth, decodeRegister, decodeRegisterResponse, encodeRegister } from './register.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const h2013 = parseHeader(hex('0100 0000 013800138000 0001'), 0, 12) as Jt808Header;
const h2019 = parseHeader(hex('0100 4000 01 00000000013800138000 0001'), 0, 17) as Jt808Header;

describe('decodeRegister', () => {
  it('tells a 2011 body with a VIN (≥ 37 bytes) from a 2013 body', () => {
    const w = new ByteWriter();
    const vin = 'LSVAU2180N2183294';
    encodeRegister(w, {
      type: 'register',
      version: 2011,
      province: 33,
      city: 200,
      maker: 'M0001',
      model: 'X8',
      terminalId: 'T000001',
      plateColour: 0,
      plate: vin,
    });
    const body = w.finish();
    expect(body.length).toBe(42);
    expect(decodeRegister(h2013, body, 0, body.length)).toMatchObject({ version: 2011, plate: vin, model: 'X8' });
  });

  it('is truncated when shorter than its layout', () => {
    expect(decodeRegister(h2019, Buffer.alloc(75), 0, 75)).toMatchObject({ code: 'truncated' });
    expect(decodeRegister(h2013, Buffer.alloc(24), 0, 24)).toMatchObject({ code: 'truncated' });
  });
});

describe('decodeAuth', () => {
  it('reads the 2013 body as the code', () => {
    expect(decodeAuth(h2013, hex('414b2d31'), 0, 4, newFlags())).toEqual({
      type: 'auth',
      code: 'AK-1',
      imei: null,
      softwareVersion: null,
    });
  });

  it('reads the 2019 length-prefixed code, IMEI and version', () => {
    const body = Buffer.concat([hex('04 414b2d31'), Buffer.from('860000000000001'), Buffer.alloc(20)]);
    body.write('V2', 20);
    expect(decodeAuth(h2019, body, 0, body.length, newFlags())).toMatchObject({
      code: 'AK-1',
      imei: '860000000000001',
      softwareVersion: 'V2',
    });
  });

  it('flags a short 2019 body and keeps what is there', () => {
    const flags = newFlags();
    expect(decodeAuth(h2019, hex('09 414b'), 0, 3, flags)).toMatchObject({ code: 'AK', imei: null });
    expect(flags.truncated).toBe(true);
  });
});

describe('decodeRegisterResponse', () => {
  it('carries an auth code only for result 0', () => {
    expect(decodeRegisterResponse(hex('0005 00 414b'), 0, 5)).toMatchObject({
      replySerial: 5,
      result: 0,
      authCode: 'AK',
    });
    expect(decodeRegisterResponse(hex('0005 02 414b'), 0, 5)).toMatchObject({ result: 2, authCode: null });
    expect(decodeRegisterResponse(hex('0005'), 0, 2)).toMatchObject({ code: 'truncated' });
  });
});
