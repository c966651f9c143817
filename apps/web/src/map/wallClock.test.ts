import { expect, it } from 'vitest';
import { fromDistrictWallClock, toDistrictWallClock } from './wallClock';

const instant = Date.parse('2026-01-10T02:00:00Z'); // 10:00 in the district

it('shows an instant in a picker as its district time, whatever the browser’s time zone', () => {
  const utcBrowser = () => 0;
  const berlinBrowser = () => 3600_000;
  // A UTC browser's wall clock reads the local time field by field, i.e. as UTC here.
  expect(new Date(toDistrictWallClock(instant, utcBrowser)).toISOString()).toBe('2026-01-10T10:00:00.000Z');
  expect(new Date(toDistrictWallClock(instant, berlinBrowser) + 3600_000).toISOString()).toBe('2026-01-10T10:00:00.000Z');
  expect(toDistrictWallClock(instant, () => 8 * 3600_000)).toBe(instant);
});

it('reads a picked district time back to the same instant', () => {
  for (const offset of [0, 3600_000, -5 * 3600_000, 8 * 3600_000]) {
    expect(fromDistrictWallClock(toDistrictWallClock(instant, () => offset), () => offset)).toBe(instant);
  }
});
