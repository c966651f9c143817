import type { EnforcementCase, IssueNotice, Notice, openCase } from '@anlan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { invalidateHazards } from './hazards';
import type { Input } from './types';

/** The PDF of a notice exactly as issued (the same path as `Notice.pdfUrl`). */
export const noticePdfUrl = (id: string): string => `/api/notices/${id}/pdf`;

/** Notices the user may see, newest first (an enterprise sees its own). */
export function useNotices(campaignId?: string) {
  return useQuery({
    queryKey: ['notices', 'list', campaignId ?? null],
    queryFn: ({ signal }) =>
      api<{ items: Notice[] }>('/api/notices', { query: { campaignId, limit: 500 }, signal }).then((r) => r.items),
  });
}

/** 下达限期整改通知书 / 停工整改通知书 for hazards of one subject. */
export function useIssueNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: IssueNotice; key: string }) =>
      api<Notice>('/api/notices', { method: 'POST', body, idempotencyKey: key }),
    onSuccess: () => invalidateHazards(client),
  });
}

/** 立案查处: an enforcement case beside the hazard (it does not close it). */
export function useOpenCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: Input<typeof openCase>; key: string }) =>
      api<EnforcementCase>('/api/cases', { method: 'POST', body, idempotencyKey: key }),
    onSuccess: () => invalidateHazards(client),
  });
}
