import type { Campaign, CampaignStatistics, Checklist } from '@anlan/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** 专项检查 (regulator staff only). */
export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: ['campaigns', 'list'],
    enabled,
    queryFn: ({ signal }) => api<{ items: Campaign[] }>('/api/campaigns', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** A campaign's figures in the district's published shape, with the generated briefing. */
export function useCampaignStatistics(id: string | undefined) {
  return useQuery({
    queryKey: ['campaigns', 'statistics', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<CampaignStatistics>(`/api/campaigns/${id}/statistics`, { signal }),
  });
}

/** The newest version of every checklist. */
export function useChecklists() {
  return useQuery({
    queryKey: ['checklists'],
    queryFn: ({ signal }) => api<{ items: Checklist[] }>('/api/checklists', { signal }).then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}

/** The campaign running today, else the newest one. */
export function currentCampaign(campaigns: readonly Campaign[], today: string): Campaign | undefined {
  return campaigns.find((c) => c.startsOn <= today && today <= c.endsOn) ?? campaigns[0];
}
