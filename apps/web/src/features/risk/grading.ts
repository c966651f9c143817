import type { AssessRiskPoint, GradingConfig, LecBand } from '@anlan/contracts';

// The grading itself (gradeAssessment, bands, colours) is the server's own, from the contracts.

const colours: readonly string[] = ['red', 'orange', 'yellow', 'blue'];
const lecBandNames: readonly LecBand[] = ['extreme', 'high', 'significant', 'general', 'acceptable'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numbers = (v: unknown, keys: readonly string[]) => isObject(v) && keys.every((k) => typeof v[k] === 'number');

/** The grading part of the configuration (GET /api/risk/config), or null when the answer does not have that shape. */
export function toGradingConfig(value: unknown): GradingConfig | null {
  if (!isObject(value) || !isObject(value.lec) || !isObject(value.ls)) return null;
  const { lec, ls } = value;
  const lecColours = lec.colours;
  const ok =
    numbers(lec.above, ['extreme', 'high', 'significant', 'general']) &&
    isObject(lecColours) &&
    lecBandNames.every((band) => typeof lecColours[band] === 'string' && colours.includes(lecColours[band])) &&
    numbers(ls.above, ['red', 'orange', 'yellow']);
  return ok ? (value as unknown as GradingConfig) : null;
}

/** "D = 3 × 6 × 40 = 720": the working shown beside the result. */
export function formula(a: AssessRiskPoint, value: number): string {
  return a.method === 'lec' ? `D = ${a.l} × ${a.e} × ${a.c} = ${value}` : `R = ${a.l} × ${a.s} = ${value}`;
}
