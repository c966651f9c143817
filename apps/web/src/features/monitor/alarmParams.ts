import { alarmSeverities, alarmStatuses, alarmTypes } from '@anlan/contracts';
import type { AlarmFilters } from '../../api/alarms';
import { startOfDistrictDay } from '../../i18n/format';

/** The queue's filters as they sit in the URL and the filter form: plain strings, dates as district days. */
export interface AlarmParams {
  type?: string;
  severity?: string;
  /** An alarm status, or `unhandled` (open + acknowledged) / `done` (handled + closed). */
  status?: string;
  organisationId?: string;
  vehicleId?: string;
  escalated?: string;
  from?: string;
  to?: string;
}

export const alarmParamNames = [
  'type',
  'severity',
  'status',
  'organisationId',
  'vehicleId',
  'escalated',
  'from',
  'to',
] as const satisfies readonly (keyof AlarmParams)[];

export const statusChoices = [...alarmStatuses, 'unhandled', 'done'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = (allowed: readonly string[]) => (v: string) => allowed.includes(v);

/** What each parameter may hold; anything else in a hand-edited URL is ignored, never sent. */
const valid: Record<keyof AlarmParams, (v: string) => boolean> = {
  type: oneOf(alarmTypes),
  severity: oneOf(alarmSeverities),
  status: oneOf(statusChoices),
  organisationId: (v) => UUID.test(v),
  vehicleId: (v) => UUID.test(v),
  escalated: oneOf(['true']),
  from: (v) => DAY.test(v),
  to: (v) => DAY.test(v),
};

export const isUuid = (v: string | null | undefined): v is string => typeof v === 'string' && UUID.test(v);

export function readAlarmParams(search: URLSearchParams): AlarmParams {
  const params: AlarmParams = {};
  for (const name of alarmParamNames) {
    const value = search.get(name);
    if (value !== null && valid[name](value)) params[name] = value;
  }
  return params;
}

/** Writes the filters into `into` (other parameters there, like the open alarm, are kept). */
export function writeAlarmParams(params: AlarmParams, into = new URLSearchParams()): URLSearchParams {
  for (const name of alarmParamNames) {
    const value = params[name]?.trim();
    if (value && valid[name](value)) into.set(name, value);
    else into.delete(name);
  }
  return into;
}

/** The API's filters: days become district-time instants, the two status groups `unhandled`. */
export function toAlarmFilters(p: AlarmParams): AlarmFilters {
  const group = p.status === 'unhandled' ? 'true' : p.status === 'done' ? 'false' : undefined;
  return {
    type: p.type as AlarmFilters['type'],
    severity: p.severity as AlarmFilters['severity'],
    status: group ? undefined : (p.status as AlarmFilters['status']),
    unhandled: group,
    organisationId: p.organisationId,
    vehicleId: p.vehicleId,
    escalated: p.escalated === 'true' ? 'true' : undefined,
    from: p.from ? startOfDistrictDay(p.from) : undefined,
    // The API's `to` is exclusive: the next day's first instant keeps the whole last day.
    to: p.to ? nextDayStart(p.to) : undefined,
  };
}

function nextDayStart(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfDistrictDay(next);
}

/** True when the queue should read unhandled alarms first: no status chosen (a chosen status is one half already). */
export const wantsUnhandledFirst = (p: AlarmParams): boolean => p.status === undefined;
