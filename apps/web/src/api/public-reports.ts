import type { PublicReport, PublicReportQuery, PublicReportTriage, TriagePublicReport } from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { invalidateHazards } from './hazards';

const key = 'public-reports';
export type PublicReportFilter = { triage?: PublicReportTriage };

/** 群众举报: the Open311 reports, newest first, for the regulator's triage. */
export function usePublicReports(filter: PublicReportFilter, page: Pick<PublicReportQuery, 'limit' | 'offset'>) {
  return useQuery({
    queryKey: [key, filter, page],
    queryFn: ({ signal }) =>
      api<{ items: PublicReport[]; total: number }>('/api/public-reports', { query: { ...filter, ...page }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicReport(id: string | undefined) {
  return useQuery({
    queryKey: [key, 'one', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<PublicReport>(`/api/public-reports/${id}`, { signal }),
  });
}

/** Accept a report as a hazard (it enters the closed loop) or reject it with a reason the public reads. */
export function useTriagePublicReport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TriagePublicReport) => api<PublicReport>(`/api/public-reports/${id}/triage`, { method: 'POST', body }),
    onSuccess: async (report) => {
      client.setQueryData([key, 'one', id], report);
      await client.invalidateQueries({ queryKey: [key] });
      if (report.hazardId) await invalidateHazards(client);
    },
  });
}
