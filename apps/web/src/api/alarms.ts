import type { Alarm, AlarmAction, AlarmDetail, alarmQuery, HandleAlarm } from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Input } from './types';

/** GET /api/alarms filters as sent (paging apart); `unhandled` and `escalated` travel as "true"/"false". */
export type AlarmFilters = Omit<Input<typeof alarmQuery>, 'limit' | 'offset'>;
export interface AlarmPage {
  items: Alarm[];
  /** Exact up to 10,000; past that a lower bound and `totalCapped` is true. */
  total: number;
  totalCapped: boolean;
}

/** Every alarm query starts with this key: one invalidation refreshes the queue, the drawer and the map panel. */
export const alarmsKey = 'alarms';

function toQuery(filters: AlarmFilters): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  }
  return query;
}

export function fetchAlarms(filters: AlarmFilters, limit: number, offset: number, signal?: AbortSignal): Promise<AlarmPage> {
  return api<AlarmPage>('/api/alarms', { query: { ...toQuery(filters), limit, offset }, signal });
}

/** One page of alarms, newest first, keeping the previous page on screen while the next loads. */
export function useAlarms(filters: AlarmFilters, limit: number, offset: number, enabled = true) {
  return useQuery({
    queryKey: [alarmsKey, 'page', filters, limit, offset],
    enabled,
    queryFn: ({ signal }) => fetchAlarms(filters, limit, offset, signal),
    placeholderData: keepPreviousData,
  });
}

/** One alarm with its vehicle, position, history and the actions the user may take now. */
export function useAlarm(id: string | undefined) {
  return useQuery({
    queryKey: [alarmsKey, 'detail', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<AlarmDetail>(`/api/alarms/${id}`, { signal }),
  });
}

/** The body each workflow step takes (all optional but handle's). */
export type AlarmActionBody =
  | { action: 'acknowledge' | 'notify_carrier' | 'close'; note?: string }
  | { action: 'remind'; text?: string }
  | ({ action: 'handle' } & HandleAlarm);

/** The step's URL segment: `notify_carrier` is `notify-carrier` on the wire. */
export const alarmActionPath = (action: AlarmAction): string => action.replace('_', '-');

export function invalidateAlarms(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: [alarmsKey] }),
    client.invalidateQueries({ queryKey: ['events'] }),
  ]).then(() => undefined);
}

/**
 * One step of the monitor's workflow. The answer is the alarm after the step; a refused reminder (terminal offline)
 * is a 409 whose attempt the server has recorded, so the alarm is read again either way.
 */
export function useAlarmAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: AlarmActionBody) =>
      api<AlarmDetail>(`/api/alarms/${id}/${alarmActionPath(action)}`, { method: 'POST', body }),
    onSuccess: (detail) => {
      client.setQueryData([alarmsKey, 'detail', id], detail);
      return invalidateAlarms(client);
    },
    onError: () => invalidateAlarms(client),
  });
}
