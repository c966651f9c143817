import { assessRiskPoint, createRiskPoint, idParams, page, riskPoint, riskPointDetail, riskPointQuery, updateRiskPoint } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { RiskPointsService } from './risk-points.service.js';

export function riskPointsRoutes(app: FastifyInstance, points: RiskPointsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['risk'];

  r.get('/api/risk/points', { schema: { tags, summary: '风险点: risk points the user may see, most dangerous first', querystring: riskPointQuery, response: { 200: page(riskPoint) } } }, async (request) => ({
    ...(await points.list(authorize(request), request.query)),
    limit: request.query.limit,
    offset: request.query.offset,
  }));

  r.get('/api/risk/points/:id', { schema: { tags, summary: 'One risk point with its assessment history', params: idParams, response: { 200: riskPointDetail } } }, async (request) =>
    points.get(authorize(request), request.params.id),
  );

  r.post('/api/risk/points', { schema: { tags, summary: 'Identify a risk point (admin, inspector, leader; an enterprise for its own subjects), optionally graded at once', body: createRiskPoint, response: { 201: riskPointDetail } } }, async (request, reply) =>
    reply.status(201).send(await points.create(authorize(request), request.body)),
  );

  r.patch('/api/risk/points/:id', { schema: { tags, summary: 'Edit a risk point’s description, hazard factors and controls', params: idParams, body: updateRiskPoint, response: { 200: riskPointDetail } } }, async (request) =>
    points.update(authorize(request), request.params.id, request.body),
  );

  r.delete('/api/risk/points/:id', { schema: { tags, summary: 'Retire a risk point (admin, inspector, leader); its history stays', params: idParams, response: { 200: riskPointDetail } } }, async (request) =>
    points.deactivate(authorize(request), request.params.id),
  );

  r.post('/api/risk/points/:id/assessments', { schema: { tags, summary: 'Assess (or re-assess) a risk point by LEC or LS; the history is kept', params: idParams, body: assessRiskPoint, response: { 201: riskPointDetail } } }, async (request, reply) =>
    reply.status(201).send(await points.assess(authorize(request), request.params.id, request.body)),
  );
}
