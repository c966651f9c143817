import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFrame, type DecodeResult } from './codec.js';
import { FrameSplitter } from './frame.js';
import { toWire } from './inspect.js';
import type { LocationReport } from './messages.js';

// Real device frames (Traccar's decoder tests), de-escaped, one per line after a '# #N …' comment line.
const file = new URL('../../../../../../shared/testdata/jt808/traccar-decoder-frames.txt', import.meta.url);
const lines = readFileSync(file, 'utf8').split('\n');

interface CorpusFrame {
  n: number;
  label: string;
  hex: string;
}

const corpus: CorpusFrame[] = [];
for (let i = 0; i < lines.length; i++) {
  const m = /^# #(\d+) (.*)$/.exec(lines[i]!);
  if (m) corpus.push({ n: Number(m[1]), label: m[2]!, hex: lines[i + 1]!.trim() });
}
const frame = (n: number) => corpus.find((f) => f.n === n)!.hex;
const decode = (n: number) => decodeFrame(toWire(frame(n)));

function position(r: DecodeResult): LocationReport {
  if (!r.ok || r.message.type !== 'location') throw new Error(`not a location: ${JSON.stringify(r)}`);
  return r.message.position;
}

/** What each frame must decode to: a message type, or a typed error code. */
const expected: Record<number, string> = {
  1: 'batchLocation',
  5: 'register',
  13: 'batchLocation',
  23: 'unsupported_message', // 0x0900 transparent data
  33: 'unsupported_message', // vendor e-lock 0x5501
  35: 'unsupported_message',
  45: 'unsupported_message',
  49: 'unsupported_message', // 0x0210, not in JT/T 808
  55: 'register',
  61: 'batchLocation',
  65: 'batchLocation',
  67: 'bad_check_code', // a vendor text line, wrapped in 0x7E here only to push it through the decoder
  69: 'unsupported_message',
  77: 'batchLocation',
  79: 'batchLocation',
  83: 'register',
  85: 'register',
  87: 'bad_check_code',
  89: 'register',
  99: 'unsupported_message',
  101: 'unsupported_message', // 0x1007
  109: 'bad_check_code',
  111: 'unsupported_message',
};

describe('Traccar corpus', () => {
  it('holds the frames the file announces', () => {
    expect(corpus.length).toBe(56);
  });

  it.each(corpus)('#$n decodes to a typed result without throwing', ({ n, hex }) => {
    const r = decodeFrame(toWire(hex));
    const outcome = r.ok ? r.message.type : r.error.code;
    expect(outcome).toBe(expected[n] ?? 'location');
    expect(outcome).not.toBe('internal');
  });

  it.each(corpus)('#$n reads the same through the splitter, split at every byte', ({ hex }) => {
    const wire = toWire(hex);
    const splitter = new FrameSplitter();
    const frames = [];
    for (let i = 0; i < wire.length; i++) frames.push(...splitter.push(wire.subarray(i, i + 1)));
    expect(frames).toHaveLength(1);
    expect(decodeFrame(frames[0]!)).toEqual(decodeFrame(wire));
  });

  it('drops the non-7E vendor text line as garbage when it arrives on a socket', () => {
    const splitter = new FrameSplitter();
    const text = Buffer.from(frame(67), 'hex');
    expect(text.toString('latin1')).toBe('(740190311185,1,001,ELOCK,3,529439)');
    expect(splitter.push(text)).toEqual([]);
    expect(splitter.stats.garbageBytes).toBe(text.length);
  });

  it('#3: zero coordinates, mileage, signal, satellites, analog, a raw vendor item', () => {
    const r = decode(3);
    const p = position(r);
    expect(r.ok && r.header).toMatchObject({ msgId: 0x0200, phone: '000000000000', serial: 0x0225, bodyLength: 50 });
    expect(p.time?.toISOString()).toBe('2026-06-15T02:57:25.000Z'); // 26-06-15 10:57:25 GMT+8
    expect([p.latitude, p.longitude, p.altitude, p.speed, p.direction]).toEqual([0, 0, 113, 0, 326]);
    expect(p.statusFlags).toMatchObject({ acc: false, fixed: true, gps: true, beidou: true, glonass: false });
    expect(p.items).toEqual({
      mileageKm: 10, // 0x64 = 100 × 0.1 km
      signalStrength: 31,
      satellites: 12,
      analog: { ad0: 0, ad1: 0xab56 },
      raw: [{ id: 0xe1, hex: '0072' }],
    });
  });

  it('#7: south and west signs, speed in 0.1 km/h', () => {
    const p = position(decode(7));
    // status 0x022c004e: fixed, south, west; GPS + BeiDou + Galileo.
    expect(p.latitude).toBe(-25.269608); // 0x01819568
    expect(p.longitude).toBe(-57.602956); // 0x036ef38c
    expect(p.altitude).toBe(92);
    expect(p.speed).toBe(1.8);
    expect(p.time?.toISOString()).toBe('2025-11-18T03:26:11.000Z');
    expect(p.statusFlags).toMatchObject({
      fixed: true,
      south: true,
      west: true,
      gps: true,
      beidou: true,
      galileo: true,
    });
    expect(p.items.satellites).toBe(12);
    expect(p.items.signalStrength).toBe(29);
    expect(p.items.raw?.map((i) => i.id)).toEqual([0xd4, 0xd5, 0xf4, 0xf9, 0xfe, 0xfd, 0xef, 0x0b]);
  });

  it('#15: west longitude and JT/T 1078 video items kept raw', () => {
    const p = position(decode(15));
    expect([p.latitude, p.longitude, p.altitude, p.direction]).toEqual([10.20362, -83.787988, 310, 298]);
    expect(p.time?.toISOString()).toBe('2025-06-09T15:01:42.000Z');
    expect(p.items.mileageKm).toBe(8716.4); // 0x0001547c = 87164
    expect(p.items.satellites).toBe(18);
    expect(p.items.raw?.[0]).toEqual({ id: 0x14, hex: '00000004' });
  });

  it('#21: door bits and an unknown item kept raw', () => {
    const p = position(decode(21));
    expect([p.latitude, p.longitude, p.altitude]).toEqual([22.837943, 114.426985, 59]);
    expect(p.time?.toISOString()).toBe('2025-04-02T08:36:26.000Z');
    expect(p.statusFlags).toMatchObject({
      fixed: true,
      frontDoorOpen: true,
      middleDoorOpen: true,
      rearDoorOpen: false,
    });
    expect(p.items).toEqual({ raw: [{ id: 0x06, hex: '3e' }] });
  });

  it('#53: recorder speed, extended signals, no fix', () => {
    const p = position(decode(53));
    expect(p.items).toMatchObject({
      mileageKm: 388,
      recorderSpeedKmh: 0,
      extendedSignals: 0,
      signalStrength: 20,
      satellites: 0,
    });
    expect(p.statusFlags.fixed).toBe(false);
    expect(p.time?.toISOString()).toBe('2022-05-12T02:11:38.000Z');
  });

  it('#81: ACC on without a fix, IO item', () => {
    const p = position(decode(81));
    expect(p.statusFlags).toMatchObject({ acc: true, fixed: false, gps: true });
    expect([p.latitude, p.longitude]).toEqual([6.152695, 106.720495]);
    expect(p.time?.toISOString()).toBe('2017-01-17T02:04:42.000Z');
    expect(p.items).toEqual({ mileageKm: 4326.4, io: 0, signalStrength: 27, satellites: 3 });
  });

  it('#91: south-west position', () => {
    const p = position(decode(91));
    expect([p.latitude, p.longitude]).toEqual([-19.591535, -46.912186]);
    expect(p.time?.toISOString()).toBe('2015-01-01T11:42:57.000Z');
    expect(p.items).toEqual({ mileageKm: 11.9 });
  });

  it('#105: a non-BCD phone is kept as its hex digits', () => {
    const r = decode(105);
    const p = position(r);
    expect(r.ok && r.header.phone).toBe('4eb6fb4ad628');
    expect([p.latitude, p.longitude]).toEqual([22.576385, 114.032486]);
    expect(p.time?.toISOString()).toBe('2026-01-01T04:00:00.000Z');
    expect(p.items).toMatchObject({ mileageKm: 12.3, signalStrength: 24, satellites: 10 });
  });

  it('#1: blind-area batch; alarm bit 18 is the daily driving timeout, not low battery', () => {
    const r = decode(1);
    if (!r.ok || r.message.type !== 'batchLocation') throw new Error('not a batch');
    expect(r.message.dataType).toBe(1);
    expect(r.message.positions).toHaveLength(1);
    const p = r.message.positions[0]!;
    expect(p.blindArea).toBe(true);
    expect(p.alarm).toBe(0x00040100);
    expect(p.alarmFlags).toMatchObject({ powerOff: true, dailyDrivingTimeout: true, emergency: false });
    expect(p.statusFlags).toMatchObject({ acc: true, fixed: true, beidou: true, gps: false });
    expect([p.latitude, p.longitude, p.altitude, p.speed, p.direction]).toEqual([33.697808, 116.954088, 29, 0, 149]);
    expect(p.time?.toISOString()).toBe('2026-08-17T14:18:12.000Z');
    expect(p.items).toMatchObject({ mileageKm: 1402.5, recorderSpeedKmh: 0, satellites: 14, signalStrength: 31 });
  });

  it('#77: eight back-filled positions in order', () => {
    const r = decode(77);
    if (!r.ok || r.message.type !== 'batchLocation') throw new Error('not a batch');
    const ps = r.message.positions;
    expect(ps).toHaveLength(8);
    expect(ps.every((p) => p.blindArea)).toBe(true);
    expect([ps[0]!.latitude, ps[0]!.longitude, ps[0]!.altitude]).toEqual([22.639634, 114.031952, 370]);
    expect(ps[0]!.time?.toISOString()).toBe('2016-05-27T01:06:24.000Z');
    expect(ps[7]!.time?.toISOString()).toBe('2016-05-27T01:10:02.000Z');
    expect(ps[0]!.items).toEqual({ mileageKm: 2.9, recorderSpeedKmh: 0 });
    expect(r.flags).toEqual({ lengthMismatch: false, truncated: false, badTime: false, countMismatch: false });
  });

  it('#55 (2011), #83 and #85 (2013), #5 (2019): registrations by layout', () => {
    const body = (n: number) => {
      const r = decode(n);
      if (!r.ok || r.message.type !== 'register') throw new Error('not a register');
      return r.message;
    };
    expect(body(55)).toEqual({
      type: 'register',
      version: 2011,
      province: 44,
      city: 303,
      maker: '70111',
      model: 'BSJ-M7B',
      terminalId: '0000000',
      plateColour: 1,
      plate: '粤B88888',
    });
    expect(body(83)).toMatchObject({ version: 2013, model: 'BSJ-A6-BD', terminalId: '0567872', plate: '粤B88888' });
    expect(body(85)).toMatchObject({ version: 2013, maker: '', model: 'HB-R03GBD', plateColour: 2, plate: 'ABC00000' });
    expect(body(5)).toMatchObject({ version: 2019, model: 'MD300', terminalId: '866496077582164', plateColour: 4 });
    const r5 = decode(5);
    expect(r5.ok && r5.header).toMatchObject({ is2019: true, protocolVersion: 1, phone: '00000866496077582164' });
  });

  it('#89: a BCD terminal id shows as hex instead of GBK noise', () => {
    const r = decode(89);
    expect(r.ok && r.message).toMatchObject({ version: 2011, terminalId: '00094027849470', plate: '' });
  });

  it('#87 and #109: a wrong check code is rejected, with the header for the 0x8001 reply', () => {
    const r87 = decode(87);
    expect(r87.ok).toBe(false);
    expect(!r87.ok && r87.error.code).toBe('bad_check_code');
    expect(r87.header).toMatchObject({ msgId: 0x0200, phone: '013511221122', serial: 7 });
    const r109 = decode(109);
    expect(!r109.ok && r109.error.code).toBe('bad_check_code');
  });

  it('vendor frames keep their header when it parses', () => {
    const r = decode(33);
    expect(!r.ok && r.error.code).toBe('unsupported_message');
    expect(r.header?.msgId).toBe(0x5501);
    const r111 = decode(111);
    expect(r111.header).toMatchObject({ msgId: 0x0900, bodyLength: 122 });
  });

  it('the escaping examples unescape as the file says', () => {
    const splitter = new FrameSplitter();
    const frames = splitter.push(Buffer.from('24247e307d02087d01557e', 'hex'));
    expect(frames.map((f) => f.toString('hex'))).toEqual(['307d02087d0155']);
    expect(splitter.stats.garbageBytes).toBe(2);
    const r = decodeFrame(frames[0]!);
    expect(!r.ok && r.error.code).toBe('bad_length');
  });
});
