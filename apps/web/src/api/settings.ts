import type { Setting } from '@anlan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

const key = 'settings';

/** Every run-time setting with its value in force and its default (admin, monitor). */
export function useSettings() {
  return useQuery({
    queryKey: [key, 'list'],
    queryFn: ({ signal }) => api<{ items: Setting[] }>('/api/settings', { signal }).then((r) => r.items),
  });
}

/**
 * Replaces a setting's whole value. The server validates it against the key's schema: a wrong field answers 400 with
 * an issue at `body.<path>` and changes nothing.
 */
export function usePutSetting(settingKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (value: unknown) => api<Setting>(`/api/settings/${settingKey}`, { method: 'PUT', body: value }),
    onSuccess: (saved) => {
      client.setQueryData<Setting[]>([key, 'list'], (list) => list?.map((s) => (s.key === saved.key ? saved : s)));
      // The risk grading and everything computed from it may differ now.
      return Promise.all([
        client.invalidateQueries({ queryKey: [key] }),
        client.invalidateQueries({ queryKey: ['risk'] }),
      ]).then(() => undefined);
    },
  });
}
