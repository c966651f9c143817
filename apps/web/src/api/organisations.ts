import type { CreateOrganisation, Organisation } from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client';
import type { OrganisationPage, PageQuery } from './types';

const key = 'organisations';
/** The server's largest page: enough for selectors and name look-ups in one district. */
const ALL = { limit: 500, offset: 0 } as const;

function fetchPage(query: PageQuery, signal: AbortSignal): Promise<OrganisationPage> {
  return api<OrganisationPage>('/api/organisations', { query: { ...query }, signal });
}

export function useOrganisations(query: PageQuery) {
  return useQuery({
    queryKey: [key, 'page', query],
    queryFn: ({ signal }) => fetchPage(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every organisation the user may see, for selectors and showing names instead of ids. */
export function useAllOrganisations() {
  return useQuery({
    queryKey: [key, 'page', ALL],
    queryFn: ({ signal }) => fetchPage(ALL, signal),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisation) => api<Organisation>('/api/organisations', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [key] }),
  });
}

/** Organisation names by id, for tables that hold only an `organisationId`. */
export function useOrganisationNames(): ReadonlyMap<string, string> {
  const all = useAllOrganisations();
  return useMemo(
    () => new Map((all.data ?? []).map((org) => [org.id, org.shortName ?? org.name])),
    [all.data],
  );
}
