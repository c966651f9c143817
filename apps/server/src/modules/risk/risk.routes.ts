import {
  clearEscalation,
  idParams,
  inspectionPlan,
  inspectionPlanQuery,
  page,
  recomputeResult,
  riskBoard,
  setEscalation,
  subjectRisk,
  subjectRiskDetail,
  subjectRiskQuery,
  vehicleRisk,
  vehicleRiskQuery,
} from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../http/auth.js';
import type { InspectionPlanService } from './inspection-plan.service.js';
import type { RiskConfigSource } from './risk-config.js';
import type { RiskBoardService } from './risk-board.service.js';
import type { RiskService } from './risk.service.js';

export interface RiskRouteDeps {
  risk: RiskService;
  board: RiskBoardService;
  plan: InspectionPlanService;
  config: RiskConfigSource;
}

export function riskRoutes(app: FastifyInstance, d: RiskRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['risk'];

  r.get('/api/risk/board', { schema: { tags, summary: '风险看板: counts by colour and type, 30-day trend, this week’s escalations, top risks, the map', response: { 200: riskBoard } } }, async (request) =>
    d.board.board(authorize(request)),
  );

  r.get('/api/risk/subjects', { schema: { tags, summary: 'The dynamic risk level of subjects, highest score first', querystring: subjectRiskQuery, response: { 200: page(subjectRisk) } } }, async (request) => ({
    ...(await d.risk.list(authorize(request), request.query)),
    limit: request.query.limit,
    offset: request.query.offset,
  }));

  r.get('/api/risk/subjects/:id', { schema: { tags, summary: 'One subject’s level, the facts behind it, its escalation step, risk points and trend', params: idParams, response: { 200: subjectRiskDetail } } }, async (request) =>
    d.risk.get(authorize(request), request.params.id),
  );

  r.put('/api/risk/subjects/:id/escalation', { schema: { tags, summary: 'Set the escalation level by hand with a reason (leader, admin); holds until cleared', params: idParams, body: setEscalation, response: { 200: subjectRiskDetail } } }, async (request) =>
    d.risk.setEscalation(authorize(request), request.params.id, request.body),
  );

  r.delete('/api/risk/subjects/:id/escalation', { schema: { tags, summary: 'Clear a manual escalation level (leader, admin): the rules take over again', params: idParams, body: clearEscalation.nullish(), response: { 200: subjectRiskDetail } } }, async (request) =>
    d.risk.clearEscalation(authorize(request), request.params.id, request.body?.reason),
  );

  r.get('/api/risk/vehicles', { schema: { tags, summary: 'The risk level of hazmat vehicles and whether they are on daily online review', querystring: vehicleRiskQuery, response: { 200: page(vehicleRisk) } } }, async (request) => ({
    ...(await d.risk.vehicles(authorize(request), request.query)),
    limit: request.query.limit,
    offset: request.query.offset,
  }));

  r.get('/api/risk/inspection-plan', { schema: { tags, summary: '检查计划: subjects due for inspection in an ISO week, red first, by inspector and department', querystring: inspectionPlanQuery, response: { 200: inspectionPlan } } }, async (request) =>
    d.plan.plan(authorize(request), request.query),
  );

  r.get('/api/risk/config', { schema: { tags, summary: 'The risk grading configuration in force (edit it as setting "risk")', response: { 200: z.record(z.string(), z.unknown()) } } }, async (request) => {
    authorize(request);
    return d.config();
  });

  r.post('/api/risk/recompute', { schema: { tags, summary: 'Recompute every level now (admin); answers the moves made', response: { 200: recomputeResult } } }, async (request) =>
    d.risk.recompute(authorize(request)),
  );
}
