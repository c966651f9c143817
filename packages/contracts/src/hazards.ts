import { z } from 'zod';
import { instant } from './common.js';
import { latitude, longitude, subjectType } from './subjects.js';

export const hazardLevel = z.enum(['general', 'major']);
export type HazardLevel = z.infer<typeof hazardLevel>;
export const riskColour = z.enum(['red', 'orange', 'yellow', 'blue']);
export type RiskColour = z.infer<typeof riskColour>;
export const hazardStatuses = ['found', 'notice_issued', 'rectifying', 'submitted', 'verified', 'closed', 'void'] as const;
export const hazardStatus = z.enum(hazardStatuses);
export type HazardStatus = z.infer<typeof hazardStatus>;
export const escalationLevel = z.enum(['none', 'listed', 'escalated']);
export type EscalationLevel = z.infer<typeof escalationLevel>;
export const hazardSource = z.enum(['inspection', 'public_report', 'vehicle_alarm', 'self_check']);
export const noticeKind = z.enum(['rectify', 'stop_work']);
export type NoticeKind = z.infer<typeof noticeKind>;
export const fileRole = z.enum(['before', 'after', 'recheck', 'plan', 'acceptance', 'document']);

/** 治理方案: the six parts every major hazard's treatment plan must have. */
export const treatmentPlan = z.strictObject({
  goals: z.string().trim().min(2).max(4000).describe('目标和任务'),
  measures: z.string().trim().min(2).max(4000).describe('方法和措施'),
  funding: z.string().trim().min(2).max(4000).describe('经费和物资'),
  organisation: z.string().trim().min(2).max(4000).describe('机构和人员'),
  timeline: z.string().trim().min(2).max(4000).describe('时限和要求'),
  safetyMeasures: z.string().trim().min(2).max(4000).describe('安全措施和应急预案'),
});
export type TreatmentPlan = z.infer<typeof treatmentPlan>;

const futureInstant = instant.describe('ISO 8601 instant; must lie in the future');

/** Every move along the hazard's life cycle, one body per action. */
export const hazardTransition = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start_rectifying'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({
    action: z.literal('submit'),
    description: z.string().trim().min(2).max(2000),
    afterFileIds: z.array(z.uuid()).min(1).max(20),
    acceptanceFileIds: z.array(z.uuid()).max(10).default([]),
  }),
  z.strictObject({ action: z.literal('recheck_pass'), note: z.string().trim().max(1000).optional(), fileIds: z.array(z.uuid()).max(20).default([]) }),
  z.strictObject({ action: z.literal('recheck_fail'), reason: z.string().trim().min(2).max(1000), newDeadline: futureInstant }),
  z.strictObject({ action: z.literal('close'), note: z.string().trim().max(1000).optional() }),
  z.strictObject({ action: z.literal('fix_on_spot'), note: z.string().trim().min(2).max(1000), afterFileIds: z.array(z.uuid()).min(1).max(20) }),
  z.strictObject({ action: z.literal('void'), reason: z.string().trim().min(2).max(1000), duplicateOf: z.uuid().optional() }),
  z.strictObject({ action: z.literal('set_escalation'), level: escalationLevel, reason: z.string().trim().min(2).max(1000) }),
]);
export type HazardTransition = z.infer<typeof hazardTransition>;
export type HazardAction = HazardTransition['action'] | 'issue_notice' | 'open_case' | 'edit_plan';

export const hazard = z.object({
  id: z.uuid(),
  code: z.string(),
  source: hazardSource,
  status: hazardStatus,
  level: hazardLevel,
  category: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  subjectId: z.uuid(),
  subjectName: z.string(),
  subjectType,
  organisationId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  campaignId: z.uuid().nullable(),
  inspectionId: z.uuid().nullable(),
  clause: z.string().nullable(),
  catalogue: z.string().nullable(),
  riskColour,
  escalation: escalationLevel,
  deadline: instant.nullable(),
  overdue: z.boolean(),
  acceptanceDueAt: instant.nullable(),
  /** A submitted major hazard the regulator has not re-checked within its acceptance period. */
  acceptanceOverdue: z.boolean(),
  recheckFailures: z.number().int(),
  noticeId: z.uuid().nullable(),
  foundAt: instant,
  closedAt: instant.nullable(),
});
export type Hazard = z.infer<typeof hazard>;

export const storedFile = z.object({ id: z.uuid(), mime: z.string(), sizeBytes: z.number().int(), sha256: z.string(), originalName: z.string().nullable() });
export type StoredFile = z.infer<typeof storedFile>;

export const hazardDetail = hazard.extend({
  files: z.array(storedFile.extend({ role: fileRole, addedAt: instant })),
  plan: treatmentPlan.nullable(),
  notices: z.array(z.object({ id: z.uuid(), kind: noticeKind, number: z.string(), deadline: instant, issuedAt: instant })),
  caseIds: z.array(z.uuid()),
  /** What the signed-in user may do to this hazard now. */
  allowedActions: z.array(z.string()),
});
export type HazardDetail = z.infer<typeof hazardDetail>;

export const createHazard = z.strictObject({
  subjectId: z.uuid(),
  campaignId: z.uuid().optional(),
  level: hazardLevel,
  category: z.string().trim().min(1).max(50),
  description: z.string().trim().min(2).max(1000),
  location: z.string().trim().max(200).optional(),
  lat: latitude.optional(),
  lon: longitude.optional(),
  clause: z.string().trim().max(200).optional(),
  catalogue: z.string().trim().max(200).optional(),
  riskColour: riskColour.optional(),
  foundAt: instant.optional(),
  beforeFileIds: z.array(z.uuid()).min(1).max(20),
});
export type CreateHazard = z.infer<typeof createHazard>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ledgerQuery = z.strictObject({
  campaignId: z.uuid().optional(),
  subjectType: subjectType.optional(),
  subjectId: z.uuid().optional(),
  level: hazardLevel.optional(),
  status: z.union([hazardStatus, z.enum(['open'])]).optional().describe('a status, or "open" for every status before closed'),
  overdue: boolParam.optional(),
  acceptanceOverdue: boolParam.optional().describe('major hazards submitted or verified whose acceptance deadline has passed'),
  escalation: escalationLevel.optional(),
  departmentId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  from: instant.optional().describe('found at or after'),
  to: instant.optional().describe('found before'),
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;
export const ledgerPage = z.object({
  items: z.array(hazard),
  /** Exact up to 10,000; past that a lower bound, and `totalCapped` is true ("10000+"). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export const ledgerExportQuery = ledgerQuery.omit({ limit: true, offset: true });
export type LedgerExportQuery = z.infer<typeof ledgerExportQuery>;

export const issueNotice = z.strictObject({
  kind: noticeKind,
  hazardIds: z.array(z.uuid()).min(1).max(200),
  deadline: futureInstant,
  recipient: z.string().trim().min(2).max(100).optional(),
  stopWorkScope: z.string().trim().min(2).max(500).optional(),
  legalBasis: z.string().trim().max(500).optional(),
});
export type IssueNotice = z.infer<typeof issueNotice>;

export const notice = z.object({
  id: z.uuid(),
  kind: noticeKind,
  number: z.string(),
  subjectId: z.uuid(),
  organisationId: z.uuid().nullable(),
  campaignId: z.uuid().nullable(),
  recipient: z.string(),
  deadline: instant,
  issuedAt: instant,
  hazardIds: z.array(z.uuid()),
  pdfUrl: z.string(),
});
export type Notice = z.infer<typeof notice>;

export const openCase = z.strictObject({
  subjectId: z.uuid(),
  hazardIds: z.array(z.uuid()).max(200).default([]),
  summary: z.string().trim().min(2).max(2000),
});
export const enforcementCase = z.object({
  id: z.uuid(),
  number: z.string(),
  subjectId: z.uuid(),
  organisationId: z.uuid().nullable(),
  campaignId: z.uuid().nullable(),
  summary: z.string(),
  status: z.enum(['open', 'closed']),
  decision: z.string().nullable(),
  openedAt: instant,
  closedAt: instant.nullable(),
  hazardIds: z.array(z.uuid()),
});
export type EnforcementCase = z.infer<typeof enforcementCase>;
export const closeCase = z.strictObject({ decision: z.string().trim().min(2).max(2000) });

export const statisticsQuery = z.strictObject({ from: instant.optional(), to: instant.optional() });

/** A campaign's figures in the shape the district publishes them. */
export const campaignStatistics = z.object({
  campaignId: z.uuid(),
  campaignName: z.string(),
  period: z.object({ from: instant.nullable(), to: instant.nullable() }),
  inspectorVisits: z.number().int(),
  inspections: z.number().int(),
  leaflets: z.number().int(),
  subjectsInspected: z.record(z.string(), z.number().int()),
  hazardsFound: z.number().int(),
  hazardsByType: z.record(z.string(), z.number().int()),
  majorHazards: z.number().int(),
  notices: z.object({ rectify: z.number().int(), stop_work: z.number().int() }),
  cases: z.number().int(),
  rectified: z.number().int(),
  rectifiedByType: z.record(z.string(), z.number().int()),
  open: z.number().int(),
  overdue: z.number().int(),
  closureRate: z.number(),
  briefing: z.string(),
});
export type CampaignStatistics = z.infer<typeof campaignStatistics>;
