import { useSearchParams } from 'react-router';
import type { EventFilters } from '../../api/types';

/** The event log's filters live in the URL, so a filtered view can be shared and bookmarked. */
export function useEventFilters(): [EventFilters, (next: EventFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: EventFilters = {
    entityType: params.get('entityType') || undefined,
    entityId: params.get('entityId') || undefined,
  };
  const setFilters = (next: EventFilters) => {
    const search = new URLSearchParams();
    if (next.entityType?.trim()) search.set('entityType', next.entityType.trim());
    if (next.entityId?.trim()) search.set('entityId', next.entityId.trim());
    setParams(search);
  };
  return [filters, setFilters];
}
