import type { Health } from '@anlan/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export function useHealth() {
  return useQuery({
    queryKey: ['system', 'health'],
    queryFn: ({ signal }) => api<Health>('/api/health', { okStatuses: [503], signal }),
    refetchInterval: 60_000,
  });
}
