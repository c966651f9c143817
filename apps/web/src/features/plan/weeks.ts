const DAY_MS = 86_400_000;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** ISO 8601 week of a calendar day given as a UTC-midnight instant. */
function weekOf(day: number): string {
  const dow = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday (UTC midnight) of an ISO week `YYYY-Www`. */
function mondayOf(week: string): number | undefined {
  const m = WEEK.exec(week);
  if (!m) return undefined;
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (Number(m[2]) - 1) * 7 * DAY_MS;
}

/** The ISO week `weeks` before (negative) or after `week`; undefined for a malformed week. */
export function shiftWeek(week: string, weeks: number): string | undefined {
  const monday = mondayOf(week);
  return monday === undefined ? undefined : weekOf(monday + weeks * 7 * DAY_MS);
}

/** Whether `value` names a week the year has (`2026-W53` does, `2025-W53` does not). */
export function isIsoWeek(value: string | null): value is string {
  if (value === null) return false;
  const monday = mondayOf(value);
  return monday !== undefined && weekOf(monday) === value;
}
