import { describe, expect, it } from 'vitest';
import { choicesFor } from './settingChoices';

describe('choices of a setting field', () => {
  it('offers the enumerations the server knows by field name', () => {
    expect(choicesFor(['speed', 'defaultRoadClass'], 'urban', [])).toEqual(['expressway', 'urban', 'park']);
    expect(choicesFor(['steps', 'listed', 'supervisorRole'], 'inspector', [])).toContain('leader');
  });

  it('recognises colours and severities, with off only for device bits', () => {
    expect(choicesFor(['lec', 'colours', 'high'], 'red', [])).toEqual(['red', 'orange', 'yellow', 'blue']);
    expect(choicesFor(['vehicleDailyReviewColours'], ['red'], [])).toEqual(['red', 'orange', 'yellow', 'blue']);
    expect(choicesFor(['severity', 'fatigue'], 'serious', ['warning'])).toEqual([
      'info',
      'warning',
      'serious',
      'critical',
    ]);
    expect(choicesFor(['device', 'bits', 'emergency'], 'critical', ['off'])).toEqual([
      'off',
      'info',
      'warning',
      'serious',
      'critical',
    ]);
  });

  it('leaves other text free', () => {
    expect(choicesFor(['night', 'windows', 'expressway', 'from'], '00:00', [])).toBeUndefined();
    expect(choicesFor(['list'], [], [])).toBeUndefined();
  });
});
