import { describe, expect, it } from 'vitest';
import { alarmFacts, headlineFact, splitDuration } from './alarmFacts';

describe('alarm facts', () => {
  it('lists known figures in reading order, then unknown ones, leaving out nulls', () => {
    const facts = alarmFacts({ durationS: 75, roadClass: 'expressway', vendorCode: 'A7', limitKmh: 80, maxSpeedKmh: 92.5, nearZone: null });
    expect(facts.map((f) => `${f.key}:${f.kind}:${f.known}`)).toEqual([
      'maxSpeedKmh:kmh:true',
      'limitKmh:kmh:true',
      'durationS:duration:true',
      'roadClass:roadClass:true',
      'vendorCode:raw:false',
    ]);
  });

  it('picks the figure a queue row shows: top speed for overspeed, minutes driven for fatigue', () => {
    expect(headlineFact({ limitKmh: 80, maxSpeedKmh: 92, durationS: 40 })).toMatchObject({ key: 'maxSpeedKmh', value: 92 });
    expect(headlineFact({ continuousMin: 250, limitMin: 240 })).toMatchObject({ key: 'continuousMin', value: 250 });
    expect(headlineFact({ bit: 0 })).toBeUndefined();
  });

  it('splits seconds into hours, minutes and seconds', () => {
    expect(splitDuration(3905)).toEqual({ h: 1, m: 5, s: 5 });
    expect(splitDuration(59.6)).toEqual({ h: 0, m: 1, s: 0 });
    expect(splitDuration(-3)).toEqual({ h: 0, m: 0, s: 0 });
  });
});
