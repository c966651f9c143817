import { subjectTypes, type EscalationLevel, type RiskColour, type SubjectType } from '@anlan/contracts';
import type { SubjectRiskFilters } from '../../api/risk';

/** The board's subject list filters as they sit in the URL (`/risk?colour=red&type=hazmat_carrier`). */
export interface RiskParams {
  colour?: RiskColour;
  type?: SubjectType;
  escalation?: EscalationLevel;
  q?: string;
}

const colours: readonly string[] = ['red', 'orange', 'yellow', 'blue'];
const levels: readonly string[] = ['none', 'listed', 'escalated'];
const names = ['colour', 'type', 'escalation', 'q'] as const;

/** What each parameter may hold (the API's limits); anything else in a hand-edited URL is ignored, never sent. */
const valid: Record<(typeof names)[number], (v: string) => boolean> = {
  colour: (v) => colours.includes(v),
  type: (v) => (subjectTypes as readonly string[]).includes(v),
  escalation: (v) => levels.includes(v),
  q: (v) => v.trim().length > 0 && v.trim().length <= 50,
};

export function readRiskParams(search: URLSearchParams): RiskParams {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = search.get(name);
    if (value !== null && valid[name](value)) out[name] = value.trim();
  }
  return out as RiskParams;
}

/** Writes the filters into `into`, keeping its other parameters. */
export function writeRiskParams(params: RiskParams, into = new URLSearchParams()): URLSearchParams {
  for (const name of names) {
    const value = params[name]?.trim();
    if (value && valid[name](value)) into.set(name, value);
    else into.delete(name);
  }
  return into;
}

export const toSubjectRiskFilters = (p: RiskParams): SubjectRiskFilters => ({ ...p });
