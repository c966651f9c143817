import {
  closeCase,
  createHazard,
  enforcementCase,
  hazardDetail,
  hazardTransition,
  idParams,
  issueNotice,
  ledgerExportQuery,
  ledgerPage,
  ledgerQuery,
  notice,
  openCase,
  pageQuery,
  treatmentPlan,
} from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { authorize } from '../../http/auth.js';
import { idempotencyKey, idempotent } from '../../http/idempotency.js';
import type { CasesService } from './cases.service.js';
import type { HazardsService } from './hazards.service.js';
import { exportLedger } from './ledger-export.js';
import type { NoticesService } from './notices.service.js';

export interface HazardRouteDeps {
  db: Db;
  hazards: HazardsService;
  notices: NoticesService;
  cases: CasesService;
}

export function hazardsRoutes(app: FastifyInstance, d: HazardRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hazards'];

  r.get('/api/hazards', { schema: { tags, summary: '隐患台账: the hazard ledger, filtered and paged', querystring: ledgerQuery, response: { 200: ledgerPage } } }, async (request) => ({
    ...(await d.hazards.list(authorize(request), request.query)),
    limit: request.query.limit,
    offset: request.query.offset,
  }));

  r.get('/api/hazards/export.xlsx', { schema: { tags, summary: 'The ledger as Excel, with the same filters (streamed)', querystring: ledgerExportQuery } }, async (request, reply) => {
    const actor = authorize(request);
    return exportLedger(reply, d.hazards.exportRows(actor, request.query), actor.locale, d.hazards.now());
  });

  r.get('/api/hazards/:id', { schema: { tags, summary: 'One hazard with its evidence, notices and the actions open to the user', params: idParams, response: { 200: hazardDetail } } }, async (request) =>
    d.hazards.get(authorize(request), request.params.id),
  );

  r.post('/api/hazards', { schema: { tags, summary: 'Record a hazard found outside a checklist', body: createHazard, response: { 201: hazardDetail } } }, async (request, reply) => {
    const actor = authorize(request);
    const result = await idempotent(d.db, actor.userId, idempotencyKey(request.headers), 'POST /api/hazards', async () => ({ status: 201 as const, body: await d.hazards.create(actor, request.body) }));
    return reply.status(result.status).send(result.body);
  });

  r.post('/api/hazards/:id/transitions', {
    schema: { tags, summary: 'Move a hazard along its closed loop (one body per action)', params: idParams, body: hazardTransition, response: { 200: hazardDetail } },
  }, async (request, reply) => {
    const actor = authorize(request);
    const route = `POST /api/hazards/${request.params.id}/transitions`;
    const result = await idempotent(d.db, actor.userId, idempotencyKey(request.headers), route, async () => ({
      status: 200 as const,
      body: await d.hazards.transition(actor, request.params.id, request.body),
    }));
    return reply.status(result.status).header('idempotent-replayed', String(result.replayed)).send(result.body);
  });

  r.put('/api/hazards/:id/plan', { schema: { tags, summary: '治理方案: the six-part treatment plan of a major hazard', params: idParams, body: treatmentPlan, response: { 200: hazardDetail } } }, async (request) =>
    d.hazards.savePlan(authorize(request), request.params.id, request.body),
  );

  r.post('/api/notices', { schema: { tags, summary: 'Issue 限期整改通知书 or 停工整改通知书 for hazards of one subject', body: issueNotice, response: { 201: notice } } }, async (request, reply) => {
    const actor = authorize(request);
    const result = await idempotent(d.db, actor.userId, idempotencyKey(request.headers), 'POST /api/notices', async () => ({ status: 201 as const, body: await d.notices.issue(actor, request.body) }));
    return reply.status(result.status).send(result.body);
  });
  r.get('/api/notices', {
    schema: { tags, summary: 'Notices the user may see', querystring: pageQuery.extend({ campaignId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(notice) }) } },
  }, async (request) => ({ items: await d.notices.list(authorize(request), request.query) }));
  r.get('/api/notices/:id', { schema: { tags, summary: 'One notice', params: idParams, response: { 200: notice } } }, async (request) => d.notices.get(authorize(request), request.params.id));
  r.get('/api/notices/:id/pdf', { schema: { tags, summary: 'The notice PDF exactly as issued', params: idParams } }, async (request, reply) => {
    const { bytes, filename } = await d.notices.pdf(authorize(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(filename)}`).send(bytes);
  });

  r.post('/api/cases', { schema: { tags, summary: '立案查处: open an enforcement case', body: openCase, response: { 201: enforcementCase } } }, async (request, reply) =>
    reply.status(201).send(await d.cases.open(authorize(request), request.body)),
  );
  r.get('/api/cases', { schema: { tags, summary: 'Enforcement cases the user may see', response: { 200: z.object({ items: z.array(enforcementCase) }) } } }, async (request) => ({
    items: await d.cases.list(authorize(request)),
  }));
  r.get('/api/cases/:id', { schema: { tags, summary: 'One case', params: idParams, response: { 200: enforcementCase } } }, async (request) => d.cases.get(authorize(request), request.params.id));
  r.post('/api/cases/:id/close', { schema: { tags, summary: 'Close a case with its decision', params: idParams, body: closeCase, response: { 200: enforcementCase } } }, async (request) =>
    d.cases.close(authorize(request), request.params.id, request.body.decision),
  );
}
