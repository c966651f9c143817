import { describe, expect, it } from 'vitest';
import { changes, getIn, leafPaths, mayBeNull, setIn, templateFor, type Json } from './settingsTree';

const rules: Json = {
  speed: { limitsKmh: { expressway: 80, urban: 60 }, defaultRoadClass: 'urban' },
  night: { windows: { expressway: { from: '00:00', to: '06:00' }, urban: null } },
  alarmHandling: { severities: ['warning', 'serious'] },
  vehicleClasses: {},
};

describe('the generic settings form', () => {
  it('draws one input per number, text, switch, word list or unset value', () => {
    expect(leafPaths(rules)).toEqual([
      ['speed', 'limitsKmh', 'expressway'],
      ['speed', 'limitsKmh', 'urban'],
      ['speed', 'defaultRoadClass'],
      ['night', 'windows', 'expressway', 'from'],
      ['night', 'windows', 'expressway', 'to'],
      ['night', 'windows', 'urban'],
      ['alarmHandling', 'severities'],
    ]);
  });

  it('changes one value without touching the original', () => {
    const next = setIn(rules, ['speed', 'limitsKmh', 'expressway'], 70);
    expect(getIn(next, ['speed', 'limitsKmh', 'expressway'])).toBe(70);
    expect(getIn(rules, ['speed', 'limitsKmh', 'expressway'])).toBe(80);
    expect(getIn(next, ['night'])).toBe(getIn(rules, ['night']));
    expect(getIn(setIn([1, 2], [1], 5), [1])).toBe(5);
  });

  it('lists what a save would change', () => {
    const next = setIn(setIn(rules, ['speed', 'limitsKmh', 'expressway'], 70), ['night', 'windows', 'urban'], {
      from: '22:00',
      to: '05:00',
    });
    expect(changes(rules, next)).toEqual([
      { path: 'speed.limitsKmh.expressway', before: 80, after: 70 },
      { path: 'night.windows.urban', before: null, after: { from: '22:00', to: '05:00' } },
    ]);
    expect(changes(rules, rules)).toEqual([]);
  });

  it('sets an unset value from the default or a sibling, and knows what may be unset', () => {
    const defaults = {
      night: { windows: { expressway: { from: '00:00', to: '06:00' }, urban: null } },
      minutes: { info: null, warning: 60 },
    };
    expect(templateFor(rules, defaults, ['night', 'windows', 'urban'])).toEqual({ from: '00:00', to: '06:00' });
    expect(templateFor({ minutes: { info: null, warning: 60 } }, defaults, ['minutes', 'info'])).toBe(60);
    expect(mayBeNull(rules, defaults, ['night', 'windows', 'expressway'])).toBe(true);
    expect(mayBeNull(rules, defaults, ['speed', 'limitsKmh', 'expressway'])).toBe(false);
  });
});
