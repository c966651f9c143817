import { describe, expect, it } from 'vitest';
import {
  decodeBody,
  decodeFrame,
  encodeBody,
  encodeFrame,
  encodeMessage,
  encodeMessageParts,
  type EncodeHeader,
} from './codec.js';
import { checkCode, wrapFrame } from './frame.js';
import { writeHeader, type Jt808Version } from './header.js';
import { alarmFlags, statusFlags } from './location-flags.js';
import type { Jt808Message, Jt808MessageInput, LocationInput, LocationReport } from './messages.js';
import { SubpackageAssembler } from './subpackage.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

const position: LocationInput = {
  alarm: 1 << 18,
  status: 0x000c0003,
  latitude: 29.912345,
  longitude: 121.876543,
  altitude: 12,
  speed: 61.5,
  direction: 90,
  time: new Date('2026-11-28T12:00:00Z'),
  items: { mileageKm: 1234.5, satellites: 9, signalStrength: 25, extendedSignals: 0x10 },
};

const decoded = (p: LocationInput, blindArea: boolean): LocationReport => ({
  alarm: p.alarm ?? 0,
  status: p.status ?? 0,
  alarmFlags: alarmFlags(p.alarm ?? 0),
  statusFlags: statusFlags(p.status ?? 0),
  latitude: p.latitude,
  longitude: p.longitude,
  altitude: p.altitude ?? 0,
  speed: p.speed ?? 0,
  direction: p.direction ?? 0,
  time: p.time,
  blindArea,
  items: p.items ?? {},
});

/** Every message the codec speaks, in input form, with what decoding must give back. */
function messages(version: Jt808Version): [Jt808MessageInput, Partial<Jt808Message>?][] {
  const v2019 = version === 2019;
  return [
    [{ type: 'terminalResponse', replySerial: 7, replyId: 0x8103, result: 0 }],
    [{ type: 'heartbeat' }],
    [{ type: 'logout' }],
    [
      {
        type: 'register',
        version,
        province: 33,
        city: 200,
        maker: 'ANLAN',
        model: v2019 ? 'A-808-2019-LONG-MODEL-NAME' : version === 2013 ? 'A808-2013-MODEL' : 'A808',
        terminalId: v2019 ? 'T2019ID0123456789' : 'T000001',
        plateColour: 2,
        plate: '浙B12345',
      },
    ],
    [
      {
        type: 'auth',
        code: 'AUTH-码-1',
        imei: v2019 ? '860000000000001' : null,
        softwareVersion: v2019 ? 'V1.2.3' : null,
      },
      {
        type: 'auth',
        code: 'AUTH-码-1',
        imei: v2019 ? '860000000000001' : null,
        softwareVersion: v2019 ? 'V1.2.3' : null,
      },
    ],
    [
      {
        type: 'paramsAnswer',
        replySerial: 3,
        params: [
          { id: 0x0029, value: 30 },
          { id: 0x0055, value: 80 },
          { id: 0x0013, text: 'gw.example.cn' },
        ],
      },
      {
        type: 'paramsAnswer',
        replySerial: 3,
        params: [
          { id: 0x0029, value: 30 },
          { id: 0x0055, value: 80 },
          { id: 0x0013, hex: Buffer.from('gw.example.cn').toString('hex') },
        ],
      },
    ],
    [
      { type: 'location', position },
      { type: 'location', position: decoded(position, false) },
    ],
    [
      { type: 'batchLocation', dataType: 1, positions: [position, { ...position, speed: 0 }] },
      {
        type: 'batchLocation',
        dataType: 1,
        positions: [decoded(position, true), decoded({ ...position, speed: 0 }, true)],
      },
    ],
    [{ type: 'platformResponse', replySerial: 9, replyId: 0x0200, result: 4 }],
    [{ type: 'registerResponse', replySerial: 1, result: 0, authCode: 'AK-0001' }],
    [{ type: 'registerResponse', replySerial: 1, result: 3, authCode: null }],
    [
      {
        type: 'setParams',
        params: [
          { id: 0x0055, value: 60 },
          { id: 0x0056, value: 10 },
          { id: 0x0057, value: 4 * 3600 },
          { id: 0x0058, value: 8 * 3600 },
          { id: 0x0059, value: 1200 },
          { id: 0x005a, value: 1800 },
          { id: 0x0081, value: 33, size: 2 },
        ],
      },
      {
        type: 'setParams',
        params: [
          { id: 0x0055, value: 60 },
          { id: 0x0056, value: 10 },
          { id: 0x0057, value: 14400 },
          { id: 0x0058, value: 28800 },
          { id: 0x0059, value: 1200 },
          { id: 0x005a, value: 1800 },
          { id: 0x0081, hex: '0021' },
        ],
      },
    ],
    [{ type: 'queryParams' }],
    [{ type: 'queryParamsById', ids: [0x0029, 0x0055, 0x005a] }],
    [{ type: 'terminalControl', command: 4, params: '' }],
    [{ type: 'terminalControl', command: 2, params: '1;AP;;;gw.example.cn;7611;0;0;0' }],
    [
      { type: 'text', flags: 0x0c, text: '您已超速，请减速慢行' },
      { type: 'text', flags: 0x0c, textType: v2019 ? 1 : null, text: '您已超速，请减速慢行' },
    ],
  ];
}

describe.each([2011, 2013, 2019] as const)('round trip, version %s', (version) => {
  const head: EncodeHeader = { phone: '13800138000', serial: 0x7e7d, version };
  it.each(messages(version).map(([input, output]) => [input.type, input, output] as const))(
    '%s: encode → decode',
    (_, input, output) => {
      const r = decodeFrame(encodeMessage(head, input));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.message).toEqual(output ?? input);
      expect(r.header).toMatchObject({ serial: 0x7e7d, is2019: version === 2019 });
      expect(r.header.phone).toBe(version === 2019 ? '00000000013800138000' : '013800138000');
      expect(r.flags).toEqual({ lengthMismatch: false, truncated: false, badTime: false, countMismatch: false });
    },
  );
});

describe('encodeMessage', () => {
  it('builds the exact bytes of a 0x8001 answer', () => {
    const wire = encodeMessage(
      { phone: '013800138000', serial: 1 },
      { type: 'platformResponse', replySerial: 7, replyId: 0x0200, result: 0 },
    );
    // XOR of 80 01 00 05 01 38 00 13 80 00 00 01 00 07 02 00 00 = 0x2a
    expect(wire.toString('hex')).toBe('7e' + '8001 0005 013800138000 0001 0007 0200 00 2a'.replace(/ /g, '') + '7e');
  });

  it('escapes header bytes and the check code', () => {
    // serial 0x7e7d; check = 02^01^38^13^80^7e^7d = 0xab
    const wire = encodeMessage({ phone: '013800138000', serial: 0x7e7d }, { type: 'heartbeat' });
    expect(wire.toString('hex')).toBe('7e00020000013800138000' + '7d027d01' + 'ab7e');
  });

  it('refuses a result outside 0..4 and bodies over 1023 bytes', () => {
    const head = { phone: '1', serial: 1 };
    expect(() => encodeMessage(head, { type: 'platformResponse', replySerial: 1, replyId: 2, result: 5 })).toThrow(
      RangeError,
    );
    const positions = Array.from({ length: 40 }, () => position);
    expect(() => encodeMessage(head, { type: 'batchLocation', dataType: 0, positions })).toThrow(RangeError);
  });
});

describe('decodeFrame policy', () => {
  const head: EncodeHeader = { phone: '013800138000', serial: 42 };
  const location = () => encodeMessage(head, { type: 'location', position });

  it('rejects a wrong check code, keeping the header for the 0x8001 (result 2) reply', () => {
    const wire = location();
    wire[wire.length - 2] = wire[wire.length - 2]! ^ 0x01;
    const r = decodeFrame(wire);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_check_code' } });
    expect(r.header).toMatchObject({ msgId: 0x0200, serial: 42, phone: '013800138000' });
  });

  it('accepts a body-length field that disagrees, decoding the real bytes and flagging it', () => {
    const body = encodeBody({ type: 'location', position });
    const content = Buffer.alloc(12 + body.length + 1);
    writeHeader(content, 0, { msgId: 0x0200, ...head }, body.length + 5); // a sloppy device's length field
    body.copy(content, 12);
    content[content.length - 1] = checkCode(content, 0, content.length - 1);
    const r = decodeFrame(wrapFrame(content));
    expect(r.ok && r.flags.lengthMismatch).toBe(true);
    expect(r.ok && r.header.bodyLength).toBe(body.length + 5);
    expect(r.ok && r.message.type === 'location' && r.message.position.speed).toBe(61.5);
  });

  it('answers vendor ids with unsupported_message and the header', () => {
    const r = decodeFrame(encodeFrame({ msgId: 0x0900, ...head }, hex('f0 01 02')));
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported_message' }, header: { msgId: 0x0900 } });
  });

  it('refuses encrypted bodies it cannot read', () => {
    const r = decodeFrame(encodeFrame({ msgId: 0x0200, ...head, encryption: 1 }, hex('00')));
    expect(r).toMatchObject({ ok: false, error: { code: 'encrypted' }, header: { encryption: 1 } });
  });

  it.each([
    ['empty', '', 'bad_length'],
    ['delimiters only', '7e7e', 'bad_length'],
    ['short', '7e0002000001380013807e', 'bad_length'],
    ['bad escape', '7e0002000001380013800000017d037e', 'bad_escape'],
    ['2019 flag on a 2013-sized frame', '7e000240000138001380000001' + 'e9' + '7e', 'bad_length'],
  ])('%s → %s', (_, frame, code) => {
    const r = decodeFrame(hex(frame));
    expect(r).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses frames over the size limit before decoding them', () => {
    expect(decodeFrame(Buffer.alloc(10_000, 1))).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(decodeFrame(location(), { maxFrameBytes: 20 })).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('reports a truncated fixed part', () => {
    const r = decodeFrame(encodeFrame({ msgId: 0x0200, ...head }, Buffer.alloc(27)));
    expect(r).toMatchObject({ ok: false, error: { code: 'truncated' }, header: { msgId: 0x0200 } });
  });

  it('decodes frames with or without delimiters, as Uint8Array too', () => {
    const wire = location();
    expect(decodeFrame(wire.subarray(1, -1))).toEqual(decodeFrame(wire));
    expect(decodeFrame(new Uint8Array(wire))).toEqual(decodeFrame(wire));
  });
});

describe('subpackaged messages', () => {
  it('splits a long batch, returns parts, and reassembles it', () => {
    const positions = Array.from({ length: 40 }, (_, i) => ({ ...position, direction: i }));
    const frames = encodeMessageParts(
      { phone: '13800138000', serial: 65534 },
      { type: 'batchLocation', dataType: 1, positions },
      512,
    );
    expect(frames.length).toBeGreaterThan(1);
    const assembler = new SubpackageAssembler();
    let done: Jt808Message | undefined;
    // Out of order on purpose: the assembler orders by index.
    for (const wire of [...frames].reverse()) {
      const r = decodeFrame(wire);
      if (!r.ok || r.message.type !== 'part') throw new Error('expected a part');
      expect(r.header.packet?.total).toBe(frames.length);
      const a = assembler.add(r.header, r.message.body, 0);
      if (a.status === 'complete') {
        expect(a.header.serial).toBe(65534);
        const whole = decodeBody(a.header, a.body);
        if (whole.ok) done = whole.message;
      }
    }
    expect(done?.type === 'batchLocation' && done.positions.map((p) => p.direction)).toEqual(
      positions.map((_, i) => i),
    );
  });

  it('keeps a short message in one frame', () => {
    expect(encodeMessageParts({ phone: '1', serial: 1 }, { type: 'heartbeat' })).toHaveLength(1);
  });

  it('rejects a part numbered outside its total', () => {
    const r = decodeFrame(
      encodeFrame({ msgId: 0x0704, phone: '1', serial: 1, packet: { total: 2, index: 3 } }, hex('00')),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_subpackage' } });
  });

  it('does not collect parts of messages it cannot decode', () => {
    const r = decodeFrame(
      encodeFrame({ msgId: 0x0801, phone: '1', serial: 1, packet: { total: 2, index: 1 } }, hex('00')),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'unsupported_message' } });
  });
});
