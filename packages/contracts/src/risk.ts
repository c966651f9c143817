import { z } from 'zod';
import { instant } from './common.js';
import { escalationLevel, riskColour } from './hazards.js';
import { subjectType } from './subjects.js';

/**
 * 风险分级管控: risk points (风险点) of a subject graded by LEC or LS, the dynamic risk level of every subject and
 * vehicle with its explanation, the escalation ladder (none → 挂牌督办 listed → 提级管控 escalated), the inspection
 * plan and the risk board.
 */

/** LEC: D = L × E × C; each factor takes only the published values. */
export const lecLikelihoods = [10, 6, 3, 1, 0.5, 0.2, 0.1] as const;
export const lecExposures = [10, 6, 3, 2, 1, 0.5] as const;
export const lecConsequences = [100, 40, 15, 7, 3, 1] as const;
export const lecBands = ['extreme', 'high', 'significant', 'general', 'acceptable'] as const;
export const lecBand = z.enum(lecBands);
export type LecBand = z.infer<typeof lecBand>;
export const assessmentMethod = z.enum(['lec', 'ls']);
export type AssessmentMethod = z.infer<typeof assessmentMethod>;

const text = z.object({ 'zh-CN': z.string(), en: z.string() });
export type RiskText = z.infer<typeof text>;

export const riskColourLabels: Record<z.infer<typeof riskColour>, RiskText> = {
  red: { 'zh-CN': '重大风险', en: 'major risk' },
  orange: { 'zh-CN': '较大风险', en: 'considerable risk' },
  yellow: { 'zh-CN': '一般风险', en: 'general risk' },
  blue: { 'zh-CN': '低风险', en: 'low risk' },
};
export const lecBandLabels: Record<LecBand, RiskText> = {
  extreme: { 'zh-CN': '极其危险', en: 'extremely dangerous' },
  high: { 'zh-CN': '高度危险', en: 'highly dangerous' },
  significant: { 'zh-CN': '显著危险', en: 'significantly dangerous' },
  general: { 'zh-CN': '一般危险', en: 'generally dangerous' },
  acceptable: { 'zh-CN': '稍有危险,可以接受', en: 'acceptable' },
};
export const escalationLevelLabels: Record<z.infer<typeof escalationLevel>, RiskText> = {
  none: { 'zh-CN': '常规监管', en: 'routine supervision' },
  listed: { 'zh-CN': '挂牌督办', en: 'listed for supervision' },
  escalated: { 'zh-CN': '提级管控', en: 'escalated control' },
};

/** One assessment of a risk point; the method decides which factors it carries. */
export const assessRiskPoint = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('lec'),
    l: z.literal(lecLikelihoods).describe('L 事故发生的可能性'),
    e: z.literal(lecExposures).describe('E 暴露于危险环境的频繁程度'),
    c: z.literal(lecConsequences).describe('C 发生事故可能造成的后果'),
    note: z.string().trim().max(1000).optional(),
  }),
  z.strictObject({
    method: z.literal('ls'),
    l: z.int().min(1).max(5).describe('L 可能性 1–5'),
    s: z.int().min(1).max(5).describe('S 严重程度 1–5'),
    note: z.string().trim().max(1000).optional(),
  }),
]);
export type AssessRiskPoint = z.infer<typeof assessRiskPoint>;

const lines = z.array(z.string().trim().min(1).max(200)).max(30);
export const createRiskPoint = z.strictObject({
  subjectId: z.uuid(),
  name: z.string().trim().min(2).max(100),
  location: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  hazardFactors: lines.min(1).describe('危险有害因素'),
  controls: lines.default([]).describe('管控措施'),
  responsiblePerson: z.string().trim().max(50).optional(),
  contactPhone: z.string().regex(/^[0-9+\- ]{5,20}$/).optional(),
  /** The first assessment, when the point is graded at once. */
  assessment: assessRiskPoint.optional(),
});
export type CreateRiskPoint = z.infer<typeof createRiskPoint>;

export const updateRiskPoint = z.strictObject({
  name: z.string().trim().min(2).max(100).optional(),
  location: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  hazardFactors: lines.min(1).optional(),
  controls: lines.optional(),
  responsiblePerson: z.string().trim().max(50).nullable().optional(),
  contactPhone: z.string().regex(/^[0-9+\- ]{5,20}$/).nullable().optional(),
});
export type UpdateRiskPoint = z.infer<typeof updateRiskPoint>;

export const riskAssessment = z.object({
  id: z.uuid(),
  riskPointId: z.uuid(),
  method: assessmentMethod,
  l: z.number(),
  e: z.number().nullable(),
  c: z.number().nullable(),
  s: z.number().nullable(),
  /** D (LEC) or R (LS). */
  value: z.number(),
  /** LEC only. */
  band: lecBand.nullable(),
  colour: riskColour,
  /** Made by the enterprise itself (企业自评); it may raise, never lower, a regulator's grading. */
  selfAssessment: z.boolean(),
  note: z.string().nullable(),
  assessedBy: z.uuid().nullable(),
  assessedAt: instant,
});
export type RiskAssessment = z.infer<typeof riskAssessment>;

export const riskPoint = z.object({
  id: z.uuid(),
  subjectId: z.uuid(),
  subjectName: z.string(),
  organisationId: z.uuid().nullable(),
  name: z.string(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  hazardFactors: z.array(z.string()),
  controls: z.array(z.string()),
  responsiblePerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  current: riskAssessment.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type RiskPoint = z.infer<typeof riskPoint>;
export const riskPointDetail = riskPoint.extend({ history: z.array(riskAssessment) });
export type RiskPointDetail = z.infer<typeof riskPointDetail>;

export const riskPointQuery = z.strictObject({
  subjectId: z.uuid().optional(),
  colour: riskColour.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').default(true),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** One fact that raised a level, and by how much: the explanation of a score. */
export const riskFactor = z.object({
  code: z.string(),
  label: text,
  points: z.number().int(),
  count: z.number(),
  /** The records behind it (hazards, alarms, risk points), newest first, at most 20. */
  evidenceIds: z.array(z.uuid()),
});
export type RiskFactor = z.infer<typeof riskFactor>;

/** Why a subject moved on the escalation ladder. */
export const escalationReason = z.object({
  code: z.string(),
  label: text,
  count: z.number(),
  evidenceIds: z.array(z.uuid()),
});
export type EscalationReason = z.infer<typeof escalationReason>;

export const supervisorScope = z.enum(['department', 'district']);
export const escalationState = z.object({
  level: escalationLevel,
  since: instant.nullable(),
  reasons: z.array(escalationReason),
  /** A leader's or admin's setting; it holds until cleared. */
  manual: z.object({ level: escalationLevel, reason: z.string(), by: z.uuid().nullable(), at: instant }).nullable(),
  supervisorScope,
  supervisorRole: z.string(),
  supervisorOrganisationId: z.uuid().nullable(),
  inspectionFrequencyDays: z.number().int(),
  dailyOnlineReview: z.boolean(),
});
export type EscalationState = z.infer<typeof escalationState>;

export const subjectRisk = z.object({
  subjectId: z.uuid(),
  subjectName: z.string(),
  subjectType,
  organisationId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  colour: riskColour,
  score: z.number().int(),
  factors: z.array(riskFactor),
  /** When this level was computed; a later run that finds it unchanged leaves it (the board tells the last run). */
  computedAt: instant.nullable(),
  escalation: escalationLevel,
  /** Since when the subject stands on its escalation step (null on 常规监管 when it never moved). */
  escalationSince: instant.nullable(),
  /** The step was set by hand (a leader's decision) rather than by the rules. */
  escalationManual: z.boolean(),
});
export type SubjectRisk = z.infer<typeof subjectRisk>;

export const subjectRiskQuery = z.strictObject({
  colour: riskColour.optional(),
  type: subjectType.optional(),
  escalation: escalationLevel.optional(),
  departmentId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SubjectRiskQuery = z.infer<typeof subjectRiskQuery>;

export const escalationMove = z.object({
  eventId: z.number().int().nullable(),
  at: instant,
  type: z.enum(['subject.escalated', 'subject.deescalated']),
  subjectId: z.uuid(),
  subjectName: z.string(),
  from: escalationLevel,
  to: escalationLevel,
  reasons: z.array(escalationReason),
  manual: z.boolean(),
});
export type EscalationMove = z.infer<typeof escalationMove>;

export const subjectRiskDetail = subjectRisk.extend({
  escalationState,
  lastInspectedAt: instant.nullable(),
  nextInspectionDue: instant,
  riskPoints: z.array(riskPoint),
  history: z.array(z.object({ day: z.string(), colour: riskColour, score: z.number().int() })),
  moves: z.array(escalationMove),
});
export type SubjectRiskDetail = z.infer<typeof subjectRiskDetail>;

export const setEscalation = z.strictObject({
  level: escalationLevel,
  reason: z.string().trim().min(2).max(1000),
});
export type SetEscalation = z.infer<typeof setEscalation>;
export const clearEscalation = z.strictObject({ reason: z.string().trim().min(2).max(1000).optional() });

export const vehicleRisk = z.object({
  vehicleId: z.uuid(),
  plate: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  colour: riskColour,
  score: z.number().int(),
  factors: z.array(riskFactor),
  /** 每日在线巡查: the carrier is listed or escalated, or the vehicle itself is red. */
  dailyOnlineReview: z.boolean(),
  computedAt: instant,
});
export type VehicleRisk = z.infer<typeof vehicleRisk>;
export const vehicleRiskQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  colour: riskColour.optional(),
  dailyReview: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type VehicleRiskQuery = z.infer<typeof vehicleRiskQuery>;

/** ISO week, e.g. 2026-W52. */
export const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'an ISO week such as 2026-W52');
export const inspectionPlanQuery = z.strictObject({
  week: isoWeek.optional().describe('ISO week (Asia/Shanghai); the current week when absent'),
  departmentId: z.uuid().optional(),
  inspectorId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type InspectionPlanQuery = z.infer<typeof inspectionPlanQuery>;

export const inspectionPlanItem = z.object({
  subjectId: z.uuid(),
  subjectName: z.string(),
  subjectType,
  organisationId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  colour: riskColour,
  score: z.number().int(),
  escalation: escalationLevel,
  frequencyDays: z.number().int(),
  lastInspectedAt: instant.nullable(),
  dueAt: instant,
  overdueDays: z.number().int(),
  suggestedInspectorId: z.uuid().nullable(),
});
export type InspectionPlanItem = z.infer<typeof inspectionPlanItem>;
const planGroup = z.object({ id: z.uuid().nullable(), name: z.string().nullable(), count: z.number().int(), red: z.number().int() });
export const inspectionPlan = z.object({
  week: z.string(),
  from: instant,
  to: instant,
  total: z.number().int(),
  items: z.array(inspectionPlanItem),
  byInspector: z.array(planGroup),
  byDepartment: z.array(planGroup),
});
export type InspectionPlan = z.infer<typeof inspectionPlan>;

const colourCounts = z.object({ red: z.number().int(), orange: z.number().int(), yellow: z.number().int(), blue: z.number().int() });
export type ColourCounts = z.infer<typeof colourCounts>;
export const riskBoard = z.object({
  /** The last recompute. */
  computedAt: instant.nullable(),
  byColour: colourCounts,
  byType: z.array(colourCounts.extend({ type: subjectType })),
  byEscalation: z.object({ none: z.number().int(), listed: z.number().int(), escalated: z.number().int() }),
  vehiclesOnDailyReview: z.number().int(),
  trend: z.array(colourCounts.extend({ day: z.string() })),
  escalationsThisWeek: z.array(escalationMove),
  topRisks: z.array(subjectRisk.omit({ factors: true }).extend({ topFactors: z.array(riskFactor) })),
});
export type RiskBoard = z.infer<typeof riskBoard>;

export const recomputeResult = z.object({
  computedAt: instant,
  subjects: z.number().int(),
  vehicles: z.number().int(),
  /** Subjects whose level changed in this run (only those rows are written). */
  changed: z.number().int(),
  durationMs: z.number(),
  moves: z.array(escalationMove.omit({ eventId: true })),
});
export type RecomputeResult = z.infer<typeof recomputeResult>;
