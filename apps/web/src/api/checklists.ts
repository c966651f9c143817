import type { Checklist, createChecklist } from '@anlan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Input } from './types';

export type ChecklistBody = Input<typeof createChecklist>;

/** The newest version of every checklist (the same query the inspection page uses). */
export { useChecklists } from './campaigns';

/** One checklist version by id (older versions are reached only this way: inspections point at them). */
export function useChecklist(id: string | undefined) {
  return useQuery({
    queryKey: ['checklists', 'one', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<Checklist>(`/api/checklists/${id}`, { signal }),
    staleTime: Infinity,
  });
}

/** Publishes a checklist (admin): under an existing code it becomes that checklist's next version. */
export function usePublishChecklist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChecklistBody) => api<Checklist>('/api/checklists', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['checklists'] }),
  });
}
