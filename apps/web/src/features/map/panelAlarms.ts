import type { Alarm } from '@anlan/contracts';

/**
 * What the vehicle panel lists: every alarm still waiting for a monitor (open or acknowledged) first, however old,
 * then the latest of the others for context; each alarm once, newest first within each part.
 */
export function panelAlarms(unhandled: readonly Alarm[], latest: readonly Alarm[]): Alarm[] {
  const listed = new Set(unhandled.map((a) => a.id));
  return [...unhandled, ...latest.filter((a) => !listed.has(a.id))];
}
