import { describe, expect, it } from 'vitest';
import { ALARM_BITS, alarmFlags, alarmNames, hasAlarm, statusFlags } from './location-flags.js';

describe('alarm flags', () => {
  it('names every standard bit, bit 18 as the daily driving timeout', () => {
    expect(alarmNames(1 << 18)).toEqual(['dailyDrivingTimeout']);
    expect(alarmNames(0x80000001)).toEqual(['emergency', 'illegalDoorOpen']);
    expect(alarmNames(0)).toEqual([]);
    const bits = Object.values(ALARM_BITS).sort((a, b) => a - b);
    expect(bits).toEqual([
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
      ...Array.from({ length: 14 }, (_, i) => 18 + i),
    ]);
  });

  it('keeps the reserved bits 15–17 as vendor bits', () => {
    const f = alarmFlags(0b111 << 15);
    expect(f.vendorBits).toBe(7);
    expect(alarmNames(0b111 << 15)).toEqual([]);
  });

  it('shares one frozen object per value', () => {
    expect(alarmFlags(6)).toBe(alarmFlags(6));
    expect(Object.isFrozen(alarmFlags(6))).toBe(true);
    expect(hasAlarm(6, 'fatigue')).toBe(true);
    expect(hasAlarm(6, 'emergency')).toBe(false);
  });
});

describe('status flags', () => {
  it.each([
    [0x000, 'empty'],
    [0x100, 'half'],
    [0x200, 'reserved'],
    [0x300, 'full'],
  ] as const)('reads load bits 8–9 of 0x%s as %s', (status, load) => {
    expect(statusFlags(status).load).toBe(load);
  });

  it('reads the named bits', () => {
    expect(statusFlags((1 << 10) | (1 << 11) | (1 << 12) | (1 << 4) | (1 << 5) | (1 << 20))).toMatchObject({
      oilCut: true,
      circuitCut: true,
      doorLocked: true,
      outOfService: true,
      coordinatesEncrypted: true,
      glonass: true,
      gps: false,
      acc: false,
    });
  });
});
