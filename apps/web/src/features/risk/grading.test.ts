import { lecConsequences, lecExposures, lecLikelihoods, type AssessRiskPoint } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
// The server's own grading and configuration: the page must show exactly what the server will store.
import { grade as serverGrade } from '../../../../server/src/modules/risk/grading';
import { defaultRiskConfig, riskConfig } from '../../../../server/src/modules/risk/risk-config';
import { formula, gradeAssessment, toGradingConfig, type GradingConfig } from './grading';

const lecAll: AssessRiskPoint[] = lecLikelihoods.flatMap((l) =>
  lecExposures.flatMap((e) => lecConsequences.map((c) => ({ method: 'lec' as const, l, e, c }))),
);
const lsAll: AssessRiskPoint[] = [1, 2, 3, 4, 5].flatMap((l) =>
  [1, 2, 3, 4, 5].map((s) => ({ method: 'ls' as const, l, s })),
);

// Another district's banding: tighter thresholds and a different colour mapping.
const strict = riskConfig.parse({
  ...defaultRiskConfig,
  lec: {
    above: { extreme: 240, high: 120, significant: 54, general: 18 },
    colours: { extreme: 'red', high: 'orange', significant: 'yellow', general: 'blue', acceptable: 'blue' },
  },
  ls: { above: { red: 15, orange: 11, yellow: 5 } },
});

describe('live LEC / LS grading', () => {
  for (const [name, cfg] of [
    ['the default configuration', defaultRiskConfig],
    ['another district’s bands', strict],
  ] as const) {
    it(`matches the server for every allowed L × E × C and L × S (${name})`, () => {
      const web = toGradingConfig(cfg);
      expect(web).not.toBeNull();
      for (const a of [...lecAll, ...lsAll]) expect(gradeAssessment(a, web!)).toEqual(serverGrade(a, cfg));
    });
  }

  it('puts the published edges in the right band (thresholds are exclusive)', () => {
    const cfg = toGradingConfig(defaultRiskConfig)!;
    // 0.1 × 6 × 100 is 60.00000000000001 in floating point: still 60, "general".
    expect(gradeAssessment({ method: 'lec', l: 0.1, e: 6, c: 100 }, cfg)).toEqual({
      value: 60,
      band: 'general',
      colour: 'yellow',
    });
    expect(gradeAssessment({ method: 'lec', l: 1, e: 2, c: 40 }, cfg)).toEqual({
      value: 80,
      band: 'significant',
      colour: 'orange',
    });
    expect(gradeAssessment({ method: 'lec', l: 3, e: 6, c: 40 }, cfg)).toEqual({
      value: 720,
      band: 'extreme',
      colour: 'red',
    });
    expect(gradeAssessment({ method: 'lec', l: 1, e: 1, c: 15 }, cfg).band).toBe('acceptable');
    expect(gradeAssessment({ method: 'ls', l: 4, s: 4 }, cfg).colour).toBe('orange');
    expect(gradeAssessment({ method: 'ls', l: 4, s: 5 }, cfg).colour).toBe('red');
    expect(gradeAssessment({ method: 'ls', l: 2, s: 4 }, cfg).colour).toBe('blue');
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
