import { describe, expect, it } from 'vitest';
import { newFlags } from './errors.js';
import { ByteWriter } from './fields.js';
import { decodeLocation, encodeLocation } from './location.js';
import type { LocationInput } from './messages.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// Built by hand from the standard's tables.
const FIXED = [
  '00040002', // alarm: overspeed (bit 1), daily cumulative driving timeout (bit 18)
  '003c030f', // status: ACC, fixed, south, west, load full (bits 8–9 = 11), GPS+BeiDou+GLONASS+Galileo
  '01c86d19', // latitude 29912345 → 29.912345 (south → negative)
  '0743b03f', // longitude 121876543 → 121.876543 (west → negative)
  'fff4', // altitude −12 m
  '028d', // speed 653 → 65.3 km/h
  '010f', // direction 271
  '260305080910', // 2026-03-05 08:09:10 GMT+8
].join('');
const ITEMS = [
  '01 04 0001e240', // mileage 123456 → 12345.6 km
  '02 02 04d2', // fuel 1234 → 123.4 L
  '03 02 0290', // recorder speed 656 → 65.6 km/h
  '04 02 0007', // alarm event id
  '11 05 01 0000000a', // overspeed in circle area 10
  '12 06 02 00000014 01', // left rectangle area 20
  '13 07 0000001e 0258 00', // road section 30, 600 s, too short
  '25 04 00000011', // low beam + brake
  '2a 02 0002', // IO: sleeping
  '2b 04 0064 0032', // AD1 = 100 (high word), AD0 = 50
  '30 01 1c',
  '31 01 0f',
  'e1 03 aabbcc', // vendor item
  '01 02 0001', // mileage with a non-standard length: kept raw, not misread
].join('');

describe('decodeLocation', () => {
  it('decodes every fixed field and standard item by its meaning', () => {
    const body = hex(FIXED + ITEMS);
    const flags = newFlags();
    const p = decodeLocation(body, 0, body.length, false, flags)!;
    expect(p).toMatchObject({
      alarm: 0x00040002,
      status: 0x003c030f,
      latitude: -29.912345,
      longitude: -121.876543,
      altitude: -12,
      speed: 65.3,
      direction: 271,
      blindArea: false,
    });
    expect(p.time?.toISOString()).toBe('2026-03-05T00:09:10.000Z');
    expect(p.alarmFlags).toMatchObject({ overspeed: true, dailyDrivingTimeout: true, fatigue: false, vendorBits: 0 });
    expect(p.statusFlags).toMatchObject({
      acc: true,
      fixed: true,
      south: true,
      west: true,
      load: 'full',
      gps: true,
      beidou: true,
      glonass: true,
      galileo: true,
      doorLocked: false,
    });
    expect(p.items).toEqual({
      mileageKm: 12345.6,
      fuelL: 123.4,
      recorderSpeedKmh: 65.6,
      alarmEventId: 7,
      overspeed: { areaType: 'circle', areaId: 10 },
      areaAlarm: { areaType: 'rectangle', areaId: 20, direction: 'out' },
      roadSection: { sectionId: 30, drivingTimeS: 600, result: 'tooShort' },
      extendedSignals: 0x11,
      io: 2,
      analog: { ad0: 50, ad1: 100 },
      signalStrength: 28,
      satellites: 15,
      raw: [
        { id: 0xe1, hex: 'aabbcc' },
        { id: 0x01, hex: '0001' },
      ],
    });
    expect(flags).toEqual(newFlags());
  });

  it('reads at an offset inside a larger buffer', () => {
    const body = hex('ffff' + FIXED + '3101 05' + 'ffff');
    const p = decodeLocation(body, 2, body.length - 2, true, newFlags())!;
    expect(p.items).toEqual({ satellites: 5 });
    expect(p.blindArea).toBe(true);
  });

  it('accepts a one-byte overspeed item with no area', () => {
    const body = hex(FIXED + '11 01 00');
    expect(decodeLocation(body, 0, body.length, false, newFlags())!.items.overspeed).toEqual({
      areaType: 'none',
      areaId: null,
    });
  });

  it('flags an item that runs past the body and keeps what came before it', () => {
    const body = hex(FIXED + '30 01 1c' + '01 04 0000');
    const flags = newFlags();
    const p = decodeLocation(body, 0, body.length, false, flags)!;
    expect(p.items).toEqual({ signalStrength: 28, truncated: true, raw: [{ id: 0x01, hex: '0000' }] });
    expect(flags.truncated).toBe(true);
  });

  it('flags a lone trailing id byte as truncation', () => {
    const body = hex(FIXED + '31');
    const flags = newFlags();
    expect(decodeLocation(body, 0, body.length, false, flags)!.items).toEqual({
      truncated: true,
      raw: [{ id: 0x31, hex: '' }],
    });
  });

  it('gives a null time and a flag for an invalid BCD time', () => {
    const body = hex(FIXED.slice(0, -12) + '000000000000');
    const flags = newFlags();
    expect(decodeLocation(body, 0, body.length, false, flags)!.time).toBeNull();
    expect(flags.badTime).toBe(true);
  });

  it('returns null for a body shorter than the fixed part', () => {
    const body = hex(FIXED).subarray(0, 27);
    expect(decodeLocation(body, 0, body.length, false, newFlags())).toBeNull();
  });
});

describe('encodeLocation', () => {
  it('writes what decodeLocation reads, setting south/west from the signs', () => {
    const input: LocationInput = {
      alarm: 0x80000001,
      status: 0x3,
      latitude: -33.868812,
      longitude: 151.209296,
      altitude: -3,
      speed: 88.8,
      direction: 359,
      time: new Date('2026-12-31T23:59:59Z'),
      items: { mileageKm: 0.1, overspeed: { areaType: 'none', areaId: null }, raw: [{ id: 0xf0, hex: '01' }] },
    };
    const w = new ByteWriter();
    encodeLocation(w, input);
    const body = w.finish();
    const p = decodeLocation(body, 0, body.length, false, newFlags())!;
    expect(p).toMatchObject({ ...input, status: 0x7 });
    expect(p.alarmFlags).toMatchObject({ emergency: true, illegalDoorOpen: true });
  });
});
