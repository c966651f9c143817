/** The district's clock: instants travel in UTC and are shown in Asia/Shanghai. */
const TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * Formats an ISO instant as the district's local time, `2026-11-28 21:05:09`: the form Chinese
 * official documents use, and unambiguous in English too.
 */
export function formatInstant(iso: string): string {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The district's calendar day of an instant, `2026-11-28`. */
export function districtDay(iso: string | number | Date): string {
  return formatInstant(new Date(iso).toISOString()).slice(0, 10);
}

/** Date and minute only, `2026-11-28 21:05`, for deadlines and lists. */
export function formatMinute(iso: string): string {
  return formatInstant(iso).slice(0, 16);
}

/** The district's offset from UTC: Asia/Shanghai has had no daylight saving since 1991. */
const DISTRICT_OFFSET = '+08:00';

/** The first instant of a district calendar day (`from` filters). */
export const startOfDistrictDay = (day: string): string => `${day}T00:00:00${DISTRICT_OFFSET}`;

/** The last instant of a district calendar day (deadlines run to the end of their day; `to` filters). */
export const endOfDistrictDay = (day: string): string => `${day}T23:59:59${DISTRICT_OFFSET}`;

/** Calendar days from `first` to `last` inclusive, both `YYYY-MM-DD`. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
