import type { GradingConfig } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
// The server's configuration: the form must read every shape the server serves.
import { defaultRiskConfig, riskConfig } from '../../../../server/src/modules/risk/risk-config';
import { formula, toGradingConfig } from './grading';

// Another district's banding: tighter thresholds and a different colour mapping.
const strict = riskConfig.parse({
  ...defaultRiskConfig,
  lec: {
    above: { extreme: 240, high: 120, significant: 54, general: 18 },
    colours: { extreme: 'red', high: 'orange', significant: 'yellow', general: 'blue', acceptable: 'blue' },
  },
  ls: { above: { red: 15, orange: 11, yellow: 5 } },
});

describe('the assessment form’s grading configuration', () => {
  it('reads the server’s configuration, default or another district’s', () => {
    expect(toGradingConfig(defaultRiskConfig)).toEqual(defaultRiskConfig);
    expect(toGradingConfig(strict)?.lec.above.high).toBe(120);
  });

  it('refuses a configuration without the grading shape', () => {
    expect(toGradingConfig(null)).toBeNull();
    expect(toGradingConfig({ lec: { above: { extreme: 320 } }, ls: {} })).toBeNull();
    const wrongColour = structuredClone(defaultRiskConfig) as unknown as GradingConfig;
    (wrongColour.lec.colours as Record<string, string>).high = 'purple';
    expect(toGradingConfig(wrongColour)).toBeNull();
  });

  it('writes the working out', () => {
    expect(formula({ method: 'lec', l: 3, e: 6, c: 40 }, 720)).toBe('D = 3 × 6 × 40 = 720');
    expect(formula({ method: 'ls', l: 4, s: 5 }, 20)).toBe('R = 4 × 5 = 20');
  });
});
