import type { CreateUser, User } from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client';
import type { PageQuery, UserPage } from './types';

const key = 'users';

export function useUsers(query: PageQuery) {
  return useQuery({
    queryKey: [key, 'page', query],
    queryFn: ({ signal }) => api<UserPage>('/api/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUser) => api<User>('/api/users', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [key] }),
  });
}

const ALL = { limit: 500, offset: 0 } as const;

/** Display names by user id, for logs that hold only an actor id. */
export function useUserNames(): ReadonlyMap<string, string> {
  const all = useUsers(ALL);
  return useMemo(() => new Map((all.data?.items ?? []).map((u) => [u.id, u.displayName])), [all.data]);
}
