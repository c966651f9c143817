import { escalationLevel, hazardLevel, hazardStatuses, subjectTypes } from '@anlan/contracts';
import type { LedgerFilters } from '../../api/hazards';
import { endOfDistrictDay, startOfDistrictDay } from '../../i18n/format';

/** The ledger's filters as they sit in the URL and the filter form: plain strings, dates as days. */
export interface LedgerParams {
  q?: string;
  campaignId?: string;
  subjectType?: string;
  subjectId?: string;
  level?: string;
  status?: string;
  overdue?: string;
  escalation?: string;
  departmentId?: string;
  organisationId?: string;
  from?: string;
  to?: string;
}

export const ledgerParamNames = [
  'q',
  'campaignId',
  'subjectType',
  'subjectId',
  'level',
  'status',
  'overdue',
  'escalation',
  'departmentId',
  'organisationId',
  'from',
  'to',
] as const satisfies readonly (keyof LedgerParams)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = (allowed: readonly string[]) => (v: string) => allowed.includes(v);

/** What each parameter may hold; anything else in a hand-edited URL is ignored, not sent. */
const valid: Record<keyof LedgerParams, (v: string) => boolean> = {
  q: (v) => v.trim().length > 0 && v.length <= 50,
  campaignId: (v) => UUID.test(v),
  subjectType: oneOf(subjectTypes),
  subjectId: (v) => UUID.test(v),
  level: oneOf(hazardLevel.options),
  status: oneOf([...hazardStatuses, 'open']),
  overdue: oneOf(['true', 'false']),
  escalation: oneOf(escalationLevel.options),
  departmentId: (v) => UUID.test(v),
  organisationId: (v) => UUID.test(v),
  from: (v) => DAY.test(v),
  to: (v) => DAY.test(v),
};

export function readLedgerParams(search: URLSearchParams): LedgerParams {
  const params: LedgerParams = {};
  for (const name of ledgerParamNames) {
    const value = search.get(name);
    if (value !== null && valid[name](value)) params[name] = value;
  }
  return params;
}

export function writeLedgerParams(params: LedgerParams, into = new URLSearchParams()): URLSearchParams {
  for (const name of ledgerParamNames) {
    const value = params[name]?.trim();
    if (value && valid[name](value)) into.set(name, value);
    else into.delete(name);
  }
  return into;
}

/** The API's filters: days become district-time instants, overdue a boolean. */
export function toLedgerFilters(p: LedgerParams): LedgerFilters {
  return {
    q: p.q?.trim() || undefined,
    campaignId: p.campaignId,
    subjectType: p.subjectType as LedgerFilters['subjectType'],
    subjectId: p.subjectId,
    level: p.level as LedgerFilters['level'],
    status: p.status as LedgerFilters['status'],
    overdue: p.overdue === undefined ? undefined : p.overdue === 'true',
    escalation: p.escalation as LedgerFilters['escalation'],
    departmentId: p.departmentId,
    organisationId: p.organisationId,
    from: p.from ? startOfDistrictDay(p.from) : undefined,
    to: p.to ? endOfDistrictDay(p.to) : undefined,
  };
}
