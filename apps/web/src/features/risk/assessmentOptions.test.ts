import { describe, expect, it } from 'vitest';
import { toAssessment, valueKey } from './assessmentOptions';

describe('the assessment form', () => {
  it('makes a body only once every factor of the method is picked', () => {
    expect(toAssessment({ method: 'lec', l: 3, e: 6 })).toBeNull();
    expect(toAssessment({ method: 'lec', l: 3, e: 6, c: 40, s: 2 })).toEqual({ method: 'lec', l: 3, e: 6, c: 40 });
    expect(toAssessment({ method: 'ls', l: 4 })).toBeNull();
    expect(toAssessment({ method: 'ls', l: 4, s: 5, e: 6, note: '  复评  ' })).toEqual({
      method: 'ls',
      l: 4,
      s: 5,
      note: '复评',
    });
  });

  it('refuses values outside the published sets', () => {
    expect(toAssessment({ method: 'lec', l: 4, e: 6, c: 40 })).toBeNull();
    expect(toAssessment({ method: 'ls', l: 6, s: 1 })).toBeNull();
    expect(toAssessment(undefined)).toBeNull();
  });

  it('names decimal factor values without a dot', () => {
    expect(valueKey(0.5)).toBe('v0_5');
    expect(valueKey(100)).toBe('v100');
  });
});
