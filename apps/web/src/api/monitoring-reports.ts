import type { GenerateMonitoringReport, MonitoringReport, MonitoringReportListItem } from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from './client';

export const reportsKey = 'monitoring-reports';

/** The district's reports (or one carrier's) from `from` to `to`, newest first; a carrier's user gets its own. */
export function useMonitoringReports(from: string, to: string, organisationId?: string) {
  return useQuery({
    queryKey: [reportsKey, 'list', from, to, organisationId ?? null],
    queryFn: async ({ signal }): Promise<MonitoringReportListItem[]> =>
      (await api<{ items: MonitoringReportListItem[] }>('/api/monitoring-reports', { query: { from, to, organisationId }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

/** One day's report; 404 when the day has not been generated (or is not the user's to see). */
export function useMonitoringReport(day: string | undefined, organisationId?: string) {
  return useQuery({
    queryKey: [reportsKey, 'day', day, organisationId ?? null],
    enabled: day !== undefined,
    queryFn: ({ signal }) => api<MonitoringReport>(`/api/monitoring-reports/${day}`, { query: { organisationId }, signal }),
  });
}

/** The day's report as a download: Excel (in the UI's language) or the Chinese PDF. */
export const monitoringReportFileUrl = (day: string, ext: 'xlsx' | 'pdf', organisationId?: string): string =>
  buildUrl(`/api/monitoring-reports/${day}.${ext}`, { organisationId });

/** 立即生成 (admin, monitor): computes a day now, replacing what was stored. */
export function useGenerateMonitoringReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateMonitoringReport) =>
      api<{ items: MonitoringReportListItem[] }>('/api/monitoring-reports/generate', { method: 'POST', body }).then((r) => r.items),
    onSuccess: () => client.invalidateQueries({ queryKey: [reportsKey] }),
  });
}
