/**
 * Calendar days of the report: Asia/Shanghai days, 00:00–24:00 +08:00. China has kept UTC+8 without daylight saving
 * since 1991, so a day is always exactly 24 h and a fixed offset is exact.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The Asia/Shanghai calendar day (`YYYY-MM-DD`) that `instant` falls on. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instants [from, to) of a Shanghai day. */
export function dayRange(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(from.getTime())) throw new TypeError(`not a day: ${day}`);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return shanghaiDay(new Date(dayRange(day).from.getTime() + days * DAY_MS));
}

/** The instant of wall-clock `time` ('HH:MM', Asia/Shanghai) on `day`. */
export function shanghaiTimeOn(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}
