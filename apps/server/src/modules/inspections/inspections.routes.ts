import { campaign, campaignStatistics, checklist, createCampaign, createChecklist, createInspection, idParams, inspection, statisticsQuery } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../http/auth.js';
import { idempotencyKey, idempotent } from '../../http/idempotency.js';
import type { Db } from '../../db/client.js';
import type { CampaignStatisticsService } from '../statistics/campaign-statistics.service.js';
import type { CampaignsService } from './campaigns.service.js';
import type { ChecklistsService } from './checklists.service.js';
import type { InspectionsService } from './inspections.service.js';

export interface InspectionRouteDeps {
  db: Db;
  checklists: ChecklistsService;
  campaigns: CampaignsService;
  inspections: InspectionsService;
  statistics: CampaignStatisticsService;
}

const REGULATOR = ['admin', 'leader', 'inspector', 'enforcement', 'monitor'] as const;

export function inspectionsRoutes(app: FastifyInstance, d: InspectionRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inspections'];

  r.get('/api/checklists', { schema: { tags, summary: 'The newest version of every checklist', response: { 200: z.object({ items: z.array(checklist) }) } } }, async (request) => {
    authorize(request);
    return { items: await d.checklists.listLatest() };
  });
  r.get('/api/checklists/:id', { schema: { tags, summary: 'One checklist version', params: idParams, response: { 200: checklist } } }, async (request) => {
    authorize(request);
    return d.checklists.get(request.params.id);
  });
  r.post('/api/checklists', { schema: { tags, summary: 'Publish a checklist (a new version when the code exists)', body: createChecklist, response: { 201: checklist } } }, async (request, reply) =>
    reply.status(201).send(await d.checklists.publish(authorize(request, ['admin']), request.body)),
  );

  r.get('/api/campaigns', { schema: { tags, summary: '专项检查', response: { 200: z.object({ items: z.array(campaign) }) } } }, async (request) => {
    authorize(request, REGULATOR);
    return { items: await d.campaigns.list() };
  });
  r.get('/api/campaigns/:id', { schema: { tags, summary: 'One campaign', params: idParams, response: { 200: campaign } } }, async (request) => {
    authorize(request, REGULATOR);
    return d.campaigns.get(request.params.id);
  });
  r.post('/api/campaigns', { schema: { tags, summary: 'Start a campaign', body: createCampaign, response: { 201: campaign } } }, async (request, reply) =>
    reply.status(201).send(await d.campaigns.create(authorize(request, ['admin', 'leader']), request.body)),
  );
  r.get('/api/campaigns/:id/statistics', {
    schema: { tags, summary: "A campaign's figures in the district's published shape, with the briefing paragraph", params: idParams, querystring: statisticsQuery, response: { 200: campaignStatistics } },
  }, async (request) => {
    authorize(request, REGULATOR);
    return d.statistics.compute(request.params.id, request.query);
  });

  r.post('/api/inspections', {
    schema: { tags, summary: 'Record an inspection; failed items become hazards. Send Idempotency-Key to make retries safe.', body: createInspection, response: { 201: inspection } },
  }, async (request, reply) => {
    const actor = authorize(request);
    const result = await idempotent(d.db, actor.userId, idempotencyKey(request.headers), 'POST /api/inspections', async () => ({
      status: 201 as const,
      body: await d.inspections.create(actor, request.body),
    }));
    return reply.status(result.status).header('idempotent-replayed', String(result.replayed)).send(result.body);
  });
  r.get('/api/inspections/:id', { schema: { tags, summary: 'One inspection', params: idParams, response: { 200: inspection } } }, async (request) =>
    d.inspections.get(authorize(request), request.params.id),
  );
}
