import { lastDays } from './rates';

/** The report list's period and carrier as they sit in the URL. */
export interface ReportListParams {
  from: string;
  to: string;
  organisationId?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API's longest period. */
export const MAX_DAYS = 366;
export const DEFAULT_DAYS = 30;

const spanDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * The period from the URL when it is a valid one (from ≤ to, under the API's limit), else the last 30 days ending
 * yesterday; a carrier id only when it is one.
 */
export function readReportParams(search: URLSearchParams, now: number, districtDay: (at: number) => string): ReportListParams {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const org = search.get('organisationId');
  const period = DAY.test(from) && DAY.test(to) && spanDays(from, to) >= 0 && spanDays(from, to) < MAX_DAYS ? { from, to } : lastDays(DEFAULT_DAYS, now, districtDay);
  return { ...period, organisationId: org && UUID.test(org) ? org : undefined };
}

export function writeReportParams(p: ReportListParams): URLSearchParams {
  const out = new URLSearchParams({ from: p.from, to: p.to });
  if (p.organisationId) out.set('organisationId', p.organisationId);
  return out;
}
