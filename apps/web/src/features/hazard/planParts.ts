import type { TreatmentPlan } from '@anlan/contracts';

/** The six parts of a 治理方案, in the regulation's order. */
export const planParts = ['goals', 'measures', 'funding', 'organisation', 'timeline', 'safetyMeasures'] as const satisfies readonly (keyof TreatmentPlan)[];
