import type {
  Digest,
  digestPreview,
  InboxPage,
  NotificationItem,
  NotificationPreferences,
  unreadCount,
  UpdateNotificationPreferences,
} from '@anlan/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';

type Output<S extends { _zod: { output: unknown } }> = S['_zod']['output'];
export type UnreadCount = Output<typeof unreadCount>;
export type DigestPreview = Output<typeof digestPreview>;

export const notificationsKey = 'notifications';
const PAGE = 30;
/** The bell asks this often; the inbox list refreshes with it. One small request a minute, never a flood. */
export const UNREAD_POLL_MS = 60_000;

/** The header bell's figures: unread and urgent-unread, polled while the tab is visible. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [notificationsKey, 'unread'],
    queryFn: ({ signal }) => api<UnreadCount>('/api/notifications/unread-count', { signal }),
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: UNREAD_POLL_MS / 2,
  });
}

/** My inbox, unread first then newest, in pages of 30 ("load more"). */
export function useInbox(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [notificationsKey, 'inbox', unreadOnly],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      api<InboxPage>('/api/notifications', {
        query: { limit: PAGE, offset: pageParam, unread: unreadOnly ? 'true' : undefined },
        signal,
      }),
    getNextPageParam: (last) =>
      last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined,
  });
}

function refreshInbox(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: [notificationsKey] });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<NotificationItem>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => refreshInbox(client),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => refreshInbox(client),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: [notificationsKey, 'preferences'],
    queryFn: ({ signal }) => api<NotificationPreferences>('/api/notifications/preferences', { signal }),
  });
}

export function useUpdatePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferences) =>
      api<NotificationPreferences>('/api/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (prefs) => {
      client.setQueryData([notificationsKey, 'preferences'], prefs);
      return client.invalidateQueries({ queryKey: [notificationsKey, 'digest'] });
    },
  });
}

/** What my daily digest would say now (nothing is sent). */
export function useDigestPreview(enabled: boolean) {
  return useQuery({
    queryKey: [notificationsKey, 'digest', 'preview'],
    enabled,
    queryFn: ({ signal }) => api<DigestPreview>('/api/notifications/digest/preview', { signal }),
  });
}

/** One of my digests, opened from its inbox item. */
export function useDigest(id: string | null) {
  return useQuery({
    queryKey: [notificationsKey, 'digest', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api<Digest>(`/api/notifications/digests/${id}`, { signal }),
    staleTime: Infinity,
  });
}
