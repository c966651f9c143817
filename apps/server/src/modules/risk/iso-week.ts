const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3600_000;

/** ISO 8601 week (year, number) of a calendar day given as a UTC-midnight instant. */
function isoWeekOf(day: Date): { year: number; week: number } {
  const dow = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  return { year, week: 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) };
}

const label = (w: { year: number; week: number }) => `${w.year}-W${String(w.week).padStart(2, '0')}`;

/**
 * The week `YYYY-Www` as instants, Monday 00:00 to the next Monday 00:00 in China (Asia/Shanghai, UTC+8);
 * the week of `now` when none is given. Undefined for a week the year does not have (W53 of most years).
 */
export function weekRange(week: string | undefined, now: Date): { week: string; from: Date; to: Date } | undefined {
  let monday: number;
  if (week === undefined) {
    const local = new Date(now.getTime() + CHINA_MS);
    const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  } else {
    const [y, w] = week.split('-W').map(Number) as [number, number];
    const jan4 = Date.UTC(y, 0, 4);
    monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (w - 1) * 7 * DAY_MS;
    const back = isoWeekOf(new Date(monday));
    if (back.year !== y || back.week !== w) return undefined;
  }
  return { week: label(isoWeekOf(new Date(monday))), from: new Date(monday - CHINA_MS), to: new Date(monday - CHINA_MS + 7 * DAY_MS) };
}
