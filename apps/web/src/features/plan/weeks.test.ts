import { describe, expect, it } from 'vitest';
// The server's own week ranges: the page must step through exactly the weeks the plan API knows.
import { weekRange } from '../../../../server/src/modules/risk/iso-week';
import { isIsoWeek, shiftWeek } from './weeks';

describe('ISO weeks of the inspection plan', () => {
  it('steps forward and back across year ends as the server counts weeks', () => {
    expect(shiftWeek('2026-W52', 1)).toBe('2026-W53');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftWeek('2025-W01', -1)).toBe('2024-W52');
    expect(shiftWeek('nonsense', 1)).toBeUndefined();
  });

  it('agrees with the server for every week from 2024 to 2030', () => {
    let week = '2024-W01';
    for (let i = 0; i < 7 * 53; i++) {
      const next = shiftWeek(week, 1)!;
      const server = weekRange(week, new Date())!;
      expect(weekRange(next, new Date())!.from.getTime() - server.from.getTime()).toBe(7 * 86_400_000);
      week = next;
    }
  });

  it('knows which years have a 53rd week', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek(null)).toBe(false);
  });
});
