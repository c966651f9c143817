import {
  createWebhook,
  idParams,
  page,
  updateWebhook,
  webhookDelivery,
  webhookDeliveryParams,
  webhookDeliveryQuery,
  webhookEndpoint,
  webhookEndpointUpdated,
  webhookEndpointWithSecret,
} from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../http/auth.js';
import type { WebhooksService } from './webhooks.service.js';

const ADMIN = ['admin'] as const;

/** Webhook endpoints and their delivery logs; administrators only. */
export function webhooksRoutes(app: FastifyInstance, webhooks: WebhooksService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];

  r.get('/api/webhooks', { schema: { tags, summary: 'Webhook endpoints (admin)', response: { 200: z.object({ items: z.array(webhookEndpoint) }) } } }, async (request) => {
    authorize(request, ADMIN);
    return { items: await webhooks.list() };
  });

  r.post('/api/webhooks', {
    schema: { tags, summary: 'Register an endpoint; the answer shows its signing secret, once (admin)', body: createWebhook, response: { 201: webhookEndpointWithSecret } },
  }, async (request, reply) => reply.status(201).send(await webhooks.create(authorize(request, ADMIN), request.body)));

  r.get('/api/webhooks/:id', { schema: { tags, summary: 'One endpoint (admin)', params: idParams, response: { 200: webhookEndpoint } } }, async (request) => {
    authorize(request, ADMIN);
    return webhooks.get(request.params.id);
  });

  r.patch('/api/webhooks/:id', {
    schema: { tags, summary: 'Change an endpoint; rotateSecret answers the new secret once (admin)', params: idParams, body: updateWebhook, response: { 200: webhookEndpointUpdated } },
  }, async (request) => webhooks.update(authorize(request, ADMIN), request.params.id, request.body));

  r.delete('/api/webhooks/:id', { schema: { tags, summary: 'Remove an endpoint and its delivery log (admin)', params: idParams } }, async (request, reply) => {
    await webhooks.remove(authorize(request, ADMIN), request.params.id);
    return reply.status(204).send();
  });

  r.get('/api/webhooks/:id/deliveries', {
    schema: { tags, summary: 'The delivery log: every delivery with every attempt (admin)', params: idParams, querystring: webhookDeliveryQuery, response: { 200: page(webhookDelivery) } },
  }, async (request) => {
    authorize(request, ADMIN);
    return { ...(await webhooks.deliveries(request.params.id, request.query)), limit: request.query.limit, offset: request.query.offset };
  });

  r.post('/api/webhooks/:id/deliveries/:deliveryId/redeliver', {
    schema: { tags, summary: 'Send a delivery again now (admin)', params: webhookDeliveryParams, response: { 200: webhookDelivery } },
  }, async (request) => {
    authorize(request, ADMIN);
    return webhooks.redeliver(request.params.id, request.params.deliveryId);
  });

  r.post('/api/webhooks/:id/test', { schema: { tags, summary: 'Send a webhook.test ping now (admin)', params: idParams, response: { 200: webhookDelivery } } }, async (request) => {
    authorize(request, ADMIN);
    return webhooks.test(request.params.id);
  });
}
