import type { ChainVerification } from '@anlan/contracts';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { EventFilters, EventList } from './types';

/** Events per "load more". */
export const EVENT_PAGE_SIZE = 50;

/**
 * The event log, oldest first, paged forward by the last seen id. The log only grows, so there is
 * always a next page to ask for: after a short page, "load more" picks up events appended since.
 */
export function useEventLog(filters: EventFilters) {
  return useInfiniteQuery({
    queryKey: ['events', 'log', filters],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      api<EventList>('/api/events', {
        query: { ...filters, afterId: pageParam, limit: EVENT_PAGE_SIZE },
        signal,
      }),
    getNextPageParam: (last, _pages, lastAfterId) => last.items.at(-1)?.id ?? lastAfterId,
  });
}

/** True when the last page came back short: the reader has reached the current end of the log. */
export function reachedEnd(pages: readonly EventList[] | undefined): boolean {
  const last = pages?.at(-1);
  return last !== undefined && last.items.length < EVENT_PAGE_SIZE;
}

/** Recomputes the whole hash chain on the server (admin, leader). */
export function useVerifyChain() {
  return useMutation({
    mutationFn: () => api<ChainVerification>('/api/events/verify'),
  });
}

/** The whole history of one entity (a hazard's timeline), oldest first. */
export function useEntityEvents(entityType: string, entityId: string) {
  return useQuery({
    queryKey: ['events', 'entity', entityType, entityId],
    queryFn: ({ signal }) =>
      api<EventList>('/api/events', { query: { entityType, entityId, limit: 500 }, signal }).then((r) => r.items),
  });
}
