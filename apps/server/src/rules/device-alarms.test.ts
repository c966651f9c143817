import { describe, expect, it } from 'vitest';
import { ALARM_BITS } from '../gateway/jt808/location-flags.js';
import { closed, config, engineWith, opened, position, replay, T0 } from './testing/tracks.js';

const at = (i: number, alarmBits: number, extra = {}) =>
  position(T0 + i * 10_000, 30.62, 121.06, 40, { alarmBits, ...extra });
const bit = (name: keyof typeof ALARM_BITS) => (1 << ALARM_BITS[name]) >>> 0;

describe('device alarms', () => {
  it('one episode per bit while it stays set, named by the standard, closed when it clears', () => {
    const emergency = bit('emergency');
    const signals = replay(engineWith(), [at(0, 0), at(1, emergency), at(2, emergency), at(3, emergency), at(4, 0)]);
    expect(opened(signals, 'device')).toMatchObject([
      { subtype: 'emergency', severity: 'critical', startedAt: T0 + 10_000, episodeKey: `emergency:${T0 + 10_000}` },
    ]);
    expect(closed(signals, 'device')).toMatchObject([{ subtype: 'emergency', endedAt: T0 + 40_000 }]);
  });

  it('several bits at once are separate episodes; rollover and collision are critical, bit 31 included', () => {
    const both = bit('rollover') | bit('collision') | bit('illegalDoorOpen');
    const signals = replay(engineWith(), [at(0, both >>> 0)]);
    expect(opened(signals, 'device').map((s) => [s.subtype, s.severity])).toEqual([
      ['collision', 'critical'],
      ['rollover', 'critical'],
      ['illegalDoorOpen', 'warning'],
    ]);
  });

  it('vendor bits 15–17 and bits the platform judges itself are ignored by default; configurable', () => {
    const vendor = (1 << 16) | bit('overspeed') | bit('fatigue');
    expect(opened(replay(engineWith(), [at(0, vendor)]), 'device')).toEqual([]);
    const cfg = config({ device: { vendorBits: 'info', bits: { overspeed: 'warning' } } });
    const subtypes = opened(replay(engineWith({ config: cfg }), [at(0, vendor)]), 'device').map((s) => s.subtype);
    expect(subtypes).toEqual(['overspeed', 'vendor16']);
  });

  it('a report without a GNSS fix still raises device alarms, placed at the last known location', () => {
    const noFix = { statusBits: 0b01, lat: 0, lon: 0 };
    const signals = replay(engineWith(), [at(0, 0), at(1, bit('powerOff'), noFix)]);
    expect(opened(signals, 'device')).toMatchObject([{ subtype: 'powerOff', lat: 30.62, lon: 121.06 }]);
  });
});
