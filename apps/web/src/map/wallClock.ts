/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
const DISTRICT_OFFSET_MS = 8 * 3600_000;

/** The browser's own offset from UTC at an instant, in ms (Date.getTimezoneOffset counts minutes the other way). */
const localOffset = (ms: number): number => -new Date(ms).getTimezoneOffset() * 60_000;

/**
 * Date pickers show the browser's wall clock. So that a picker reads district time (as every time in the console
 * does) on any computer, an instant is shown as the local time that reads like its district time, and read back.
 */
export function toDistrictWallClock(instant: number, offsetOf: (ms: number) => number = localOffset): number {
  return instant + DISTRICT_OFFSET_MS - offsetOf(instant);
}

export function fromDistrictWallClock(wall: number, offsetOf: (ms: number) => number = localOffset): number {
  return wall - DISTRICT_OFFSET_MS + offsetOf(wall);
}
