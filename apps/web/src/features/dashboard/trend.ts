import type { Hazard } from '@anlan/contracts';
import { daysBetween, endOfDistrictDay } from '../../i18n/format';

export interface DayCount {
  day: string;
  open: number;
}

/**
 * Open hazards at the end of each district day: found by then and not closed by then. Void hazards are
 * left out altogether, because the ledger does not say when they were voided.
 */
export function openPerDay(hazards: readonly Pick<Hazard, 'status' | 'foundAt' | 'closedAt'>[], first: string, last: string): DayCount[] {
  const spans = hazards
    .filter((h) => h.status !== 'void')
    .map((h) => ({ found: Date.parse(h.foundAt), closed: h.closedAt ? Date.parse(h.closedAt) : Infinity }));
  return daysBetween(first, last).map((day) => {
    const end = Date.parse(endOfDistrictDay(day));
    return { day, open: spans.filter((s) => s.found <= end && s.closed > end).length };
  });
}

/** How many of the hazards fall in each group, largest first. */
export function countBy<K extends string>(hazards: readonly Hazard[], key: (h: Hazard) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const h of hazards) counts.set(key(h), (counts.get(key(h)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
