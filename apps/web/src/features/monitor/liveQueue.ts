import type { Alarm, LiveAlarm } from '@anlan/contracts';
import { districtDay } from '../../i18n/format';
import type { AlarmParams } from './alarmParams';

/** A row of the queue: an alarm as listed, or one just heard on the live socket (fewer facts, marked `live`). */
export type QueueRow = LiveAlarm & {
  organisationName: string;
  escalatedAt: string | null;
  hazardId: string | null;
  /** Heard on the socket and not yet in a page read from the server. */
  live: boolean;
};

/** Most alarms kept from the socket between two reads of the queue. */
export const MAX_ARRIVALS = 200;

const UNHANDLED = ['open', 'acknowledged'];

/** Whether an alarm heard live belongs in the queue under these filters (the server's rules, on the client). */
export function matchesParams(a: LiveAlarm, p: AlarmParams): boolean {
  if (p.type && a.type !== p.type) return false;
  if (p.severity && a.severity !== p.severity) return false;
  if (p.vehicleId && a.vehicleId !== p.vehicleId) return false;
  if (p.organisationId && a.organisationId !== p.organisationId) return false;
  if (p.status === 'unhandled' && !UNHANDLED.includes(a.status)) return false;
  if (p.status === 'done' && UNHANDLED.includes(a.status)) return false;
  if (p.status && p.status !== 'unhandled' && p.status !== 'done' && a.status !== p.status) return false;
  // The socket does not say whether an alarm was escalated; a just-raised one is not.
  if (p.escalated === 'true') return false;
  const day = districtDay(a.startedAt);
  if (p.from && day < p.from) return false;
  if (p.to && day > p.to) return false;
  return true;
}

/** Adds what the socket brought to what it brought before: the latest state of each alarm, newest start first. */
export function mergeArrivals(before: readonly LiveAlarm[], incoming: readonly LiveAlarm[], max = MAX_ARRIVALS): LiveAlarm[] {
  const byId = new Map(before.map((a) => [a.id, a]));
  for (const a of incoming) byId.set(a.id, a);
  return [...byId.values()].sort((x, y) => y.startedAt.localeCompare(x.startedAt) || y.id.localeCompare(x.id)).slice(0, max);
}

/** The ids among `incoming` never seen before (neither listed nor heard): what the badge counts and the bell rings for. */
export function unseenIds(incoming: readonly LiveAlarm[], seen: ReadonlySet<string>): string[] {
  return [...new Set(incoming.map((a) => a.id))].filter((id) => !seen.has(id));
}

const fromListed = (a: Alarm, live?: LiveAlarm): QueueRow => ({
  ...a,
  // A later state heard live wins over the page read before it; the same state read back (after a step) is newer.
  ...(live && live.lastAt > a.lastAt ? live : {}),
  organisationName: a.organisationName,
  escalatedAt: a.escalatedAt,
  hazardId: a.hazardId,
  live: false,
});

/**
 * The rows to show: alarms first heard live (`bornLive`) that match the filters and are not on the page go on top
 * (only on the first page, where new alarms belong), then the page with any newer live state applied. An older alarm
 * updated live while off the page stays where it is.
 */
export function queueRows(
  listed: readonly Alarm[],
  arrivals: readonly LiveAlarm[],
  bornLive: ReadonlySet<string>,
  params: AlarmParams,
  firstPage: boolean,
  carrierName: (organisationId: string) => string,
): QueueRow[] {
  const live = new Map(arrivals.map((a) => [a.id, a]));
  const onPage = new Set(listed.map((a) => a.id));
  const top: QueueRow[] = firstPage
    ? arrivals
        .filter((a) => bornLive.has(a.id) && !onPage.has(a.id) && matchesParams(a, params))
        .map((a) => ({ ...a, organisationName: carrierName(a.organisationId), escalatedAt: null, hazardId: null, live: true }))
    : [];
  return [...top, ...listed.map((a) => fromListed(a, live.get(a.id)))];
}
