import type { Hazard, HazardDetail, hazardTransition, LedgerExportQuery, TreatmentPlan } from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, buildUrl } from './client';
import type { Input } from './types';

/** The ledger's filters as the UI holds them; `overdue` becomes "true"/"false" on the wire. */
export type LedgerFilters = LedgerExportQuery;
export type HazardPage = { items: Hazard[]; total: number; limit: number; offset: number };
export type TransitionBody = Input<typeof hazardTransition>;

/** The server's largest page. */
export const MAX_PAGE = 500;
export const hazardsKey = 'hazards';

function toQuery(filters: LedgerFilters): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  }
  return query;
}

export function fetchLedger(filters: LedgerFilters, limit: number, offset: number, signal?: AbortSignal) {
  return api<HazardPage>('/api/hazards', { query: { ...toQuery(filters), limit, offset }, signal });
}

/** One page of the ledger, keeping the previous page on screen while the next loads. */
export function useLedger(filters: LedgerFilters, limit: number, offset: number) {
  return useQuery({
    queryKey: [hazardsKey, 'ledger', filters, limit, offset],
    queryFn: ({ signal }) => fetchLedger(filters, limit, offset, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every hazard that matches, read in pages of 500 (dashboards derive their figures from these). */
export function useAllHazards(filters: LedgerFilters, enabled = true) {
  return useQuery({
    queryKey: [hazardsKey, 'all', filters],
    enabled,
    queryFn: async ({ signal }) => {
      const items: Hazard[] = [];
      for (let offset = 0; ; offset += MAX_PAGE) {
        const page = await fetchLedger(filters, MAX_PAGE, offset, signal);
        items.push(...page.items);
        if (page.items.length < MAX_PAGE || items.length >= page.total) return items;
      }
    },
  });
}

/** The Excel export of the ledger with the same filters (a plain download link). */
export const ledgerExportUrl = (filters: LedgerFilters): string => buildUrl('/api/hazards/export.xlsx', toQuery(filters));

export function useHazard(id: string) {
  return useQuery({
    queryKey: [hazardsKey, 'detail', id],
    queryFn: ({ signal }) => api<HazardDetail>(`/api/hazards/${id}`, { signal }),
  });
}

/** After any change to a hazard: the ledger, the hazard, its timeline and the notices may all differ. */
export function invalidateHazards(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: [hazardsKey] }),
    client.invalidateQueries({ queryKey: ['events'] }),
    client.invalidateQueries({ queryKey: ['notices'] }),
    client.invalidateQueries({ queryKey: ['campaigns'] }),
  ]).then(() => undefined);
}

export function useHazardTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: TransitionBody; key: string }) =>
      api<HazardDetail>(`/api/hazards/${id}/transitions`, { method: 'POST', body, idempotencyKey: key }),
    onSuccess: (detail) => {
      client.setQueryData([hazardsKey, 'detail', id], detail);
      return invalidateHazards(client);
    },
  });
}

export function useSavePlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (plan: TreatmentPlan) => api<HazardDetail>(`/api/hazards/${id}/plan`, { method: 'PUT', body: plan }),
    onSuccess: (detail) => {
      client.setQueryData([hazardsKey, 'detail', id], detail);
      return invalidateHazards(client);
    },
  });
}
