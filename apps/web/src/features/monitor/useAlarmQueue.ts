import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { alarmsKey, fetchAlarms } from '../../api/alarms';
import { toAlarmFilters, wantsUnhandledFirst, type AlarmParams } from './alarmParams';
import { unhandledFirst } from './unhandledFirst';

/**
 * One page of the queue. Without a chosen status the unhandled alarms come first (two reads of the server's
 * newest-first list); a chosen status is one read.
 */
export function useAlarmQueue(params: AlarmParams, page: number, size: number) {
  const filters = toAlarmFilters(params);
  const offset = (page - 1) * size;
  const split = wantsUnhandledFirst(params);
  return useQuery({
    queryKey: [alarmsKey, 'queue', filters, split, size, offset],
    queryFn: ({ signal }) =>
      split
        ? unhandledFirst((unhandled, limit, from) => fetchAlarms({ ...filters, unhandled: unhandled ? 'true' : 'false' }, limit, from, signal), size, offset)
        : fetchAlarms(filters, size, offset, signal),
    placeholderData: keepPreviousData,
  });
}
