import type { Subject, SubjectType } from '@anlan/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** Subjects the user may see, searched by name (first 50 matches). */
export function useSubjects(type: SubjectType | undefined, q: string) {
  const search = q.trim();
  return useQuery({
    queryKey: ['subjects', type ?? null, search],
    queryFn: ({ signal }) =>
      api<{ items: Subject[]; total: number }>('/api/subjects', { query: { type, q: search || undefined, limit: 50 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useSubject(id: string | undefined) {
  return useQuery({
    queryKey: ['subjects', 'one', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<Subject>(`/api/subjects/${id}`, { signal }),
    staleTime: 5 * 60_000,
  });
}
