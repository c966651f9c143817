import { lecConsequences, lecExposures, lecLikelihoods, type AssessRiskPoint } from '@anlan/contracts';

/** i18n key of a factor value: 0.5 → "v0_5" (a dot would split the key). */
export const valueKey = (v: number): string => `v${String(v).replace('.', '_')}`;

/** The published value sets of LEC, highest first, as the form offers them. */
export const lecFactors = {
  l: lecLikelihoods,
  e: lecExposures,
  c: lecConsequences,
} as const;
export type LecFactor = keyof typeof lecFactors;

/** LS: likelihood and severity, each 1–5. */
export const lsValues = [5, 4, 3, 2, 1] as const;

/** The assessment form's values as the user has picked them so far. */
export interface AssessmentValues {
  method: 'lec' | 'ls';
  l?: number;
  e?: number;
  c?: number;
  s?: number;
  note?: string;
}

/** The request body once every factor of the chosen method is picked; null before. */
export function toAssessment(v: Partial<AssessmentValues> | undefined): AssessRiskPoint | null {
  if (!v) return null;
  const note = v.note?.trim() ? v.note.trim() : undefined;
  if (v.method === 'lec') {
    const { l, e, c } = v;
    const ok =
      (lecLikelihoods as readonly number[]).includes(l ?? NaN) &&
      (lecExposures as readonly number[]).includes(e ?? NaN) &&
      (lecConsequences as readonly number[]).includes(c ?? NaN);
    return ok ? ({ method: 'lec', l, e, c, ...(note ? { note } : {}) } as AssessRiskPoint) : null;
  }
  if (v.method === 'ls') {
    const { l, s } = v;
    const ok = (lsValues as readonly number[]).includes(l ?? NaN) && (lsValues as readonly number[]).includes(s ?? NaN);
    return ok ? { method: 'ls', l: l!, s: s!, ...(note ? { note } : {}) } : null;
  }
  return null;
}
