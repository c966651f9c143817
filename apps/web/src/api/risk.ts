import type {
  AssessRiskPoint,
  CreateRiskPoint,
  UpdateRiskPoint,
  InspectionPlan,
  RecomputeResult,
  RiskBoard,
  RiskPointDetail,
  SetEscalation,
  SubjectRisk,
  SubjectRiskDetail,
} from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Every risk query starts with this key: one invalidation refreshes the board, the lists and a subject. */
export const riskKey = 'risk';

/** GET /api/risk/subjects filters (paging apart), as sent. */
export interface SubjectRiskFilters {
  colour?: string | undefined;
  type?: string | undefined;
  escalation?: string | undefined;
  departmentId?: string | undefined;
  q?: string | undefined;
}

/** GET /api/risk/inspection-plan filters. */
export interface PlanFilters {
  week?: string | undefined;
  departmentId?: string | undefined;
  inspectorId?: string | undefined;
}

export type SubjectRiskPage = { items: SubjectRisk[]; total: number; limit: number; offset: number };

/** 风险看板: counts, the 30-day trend, this week's escalations and the top risks (scoped by the server). */
export function useRiskBoard() {
  return useQuery({
    queryKey: [riskKey, 'board'],
    queryFn: ({ signal }) => api<RiskBoard>('/api/risk/board', { signal }),
  });
}

/** Subjects' dynamic risk levels, highest score first. */
export function useSubjectRisks(filters: SubjectRiskFilters, limit: number, offset: number, enabled = true) {
  return useQuery({
    queryKey: [riskKey, 'subjects', filters, limit, offset],
    enabled,
    queryFn: ({ signal }) =>
      api<SubjectRiskPage>('/api/risk/subjects', { query: { ...filters, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const subjectRiskQuery = (id: string) => ({
  queryKey: [riskKey, 'subject', id],
  queryFn: ({ signal }: { signal: AbortSignal }) => api<SubjectRiskDetail>(`/api/risk/subjects/${id}`, { signal }),
});

/** One subject: level, factors, ladder state and moves, risk points, 90-day history. */
export function useSubjectRisk(id: string) {
  return useQuery(subjectRiskQuery(id));
}

/** The risk grading configuration in force (the 'risk' setting), e.g. for live LEC / LS computation. */
export function useRiskConfig() {
  return useQuery({
    queryKey: [riskKey, 'config'],
    queryFn: ({ signal }) => api<Record<string, unknown>>('/api/risk/config', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function invalidateRisk(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: [riskKey] }),
    client.invalidateQueries({ queryKey: ['events'] }),
  ]).then(() => undefined);
}

/** Sets the escalation level by hand with a reason (leader, admin). */
export function useSetEscalation(subjectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SetEscalation) =>
      api<SubjectRiskDetail>(`/api/risk/subjects/${subjectId}/escalation`, { method: 'PUT', body }),
    onSuccess: (detail) => {
      client.setQueryData([riskKey, 'subject', subjectId], detail);
      return invalidateRisk(client);
    },
  });
}

/** Clears the manual level: the rules take over again. */
export function useClearEscalation(subjectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      api<SubjectRiskDetail>(`/api/risk/subjects/${subjectId}/escalation`, {
        method: 'DELETE',
        body: reason ? { reason } : {},
      }),
    onSuccess: (detail) => {
      client.setQueryData([riskKey, 'subject', subjectId], detail);
      return invalidateRisk(client);
    },
  });
}

/** One risk point with every assessment. */
export function useRiskPoint(id: string | undefined) {
  return useQuery({
    queryKey: [riskKey, 'point', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => api<RiskPointDetail>(`/api/risk/points/${id}`, { signal }),
  });
}

/** 风险辨识: identifies a new risk point of a subject, or edits one (id given). */
export function useSaveRiskPoint(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRiskPoint | UpdateRiskPoint) =>
      id === undefined
        ? api<RiskPointDetail>('/api/risk/points', { method: 'POST', body })
        : api<RiskPointDetail>(`/api/risk/points/${id}`, { method: 'PATCH', body }),
    onSuccess: () => invalidateRisk(client),
  });
}

/** Assesses (or re-assesses) a risk point by LEC or LS. */
export function useAssessRiskPoint(pointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessRiskPoint) =>
      api<RiskPointDetail>(`/api/risk/points/${pointId}/assessments`, { method: 'POST', body }),
    onSuccess: () => invalidateRisk(client),
  });
}

/** Recomputes every level now (admin). */
export function useRecompute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<RecomputeResult>('/api/risk/recompute', { method: 'POST' }),
    onSuccess: () => invalidateRisk(client),
  });
}

/** 检查计划 of an ISO week. */
export function useInspectionPlan(filters: PlanFilters) {
  return useQuery({
    queryKey: [riskKey, 'plan', filters],
    queryFn: ({ signal }) => api<InspectionPlan>('/api/risk/inspection-plan', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}
