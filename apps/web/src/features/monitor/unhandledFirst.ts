import type { AlarmPage } from '../../api/alarms';

/** Reads one page of one half of the queue: the unhandled alarms (open, acknowledged) or the rest. */
export type HalfReader = (unhandled: boolean, limit: number, offset: number) => Promise<AlarmPage>;

/**
 * A page of the queue with every unhandled alarm before any handled one, each half newest first, from the server's
 * newest-first pages: the unhandled half from `offset`, then the handled half fills what is left. The handled half is
 * always asked (at least one row) because its total is part of the queue's total.
 */
export async function unhandledFirst(read: HalfReader, limit: number, offset: number): Promise<AlarmPage> {
  const open = await read(true, limit, offset);
  const room = limit - open.items.length;
  const done = await read(false, Math.max(1, room), Math.max(0, offset - open.total));
  return {
    items: [...open.items, ...(room > 0 ? done.items.slice(0, room) : [])],
    total: open.total + done.total,
    totalCapped: open.totalCapped || done.totalCapped,
  };
}
