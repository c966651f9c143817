import { chainVerification, domainEvent, eventQuery } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { authorize } from '../../http/auth.js';
import { visibleOrganisations } from '../identity/actor.js';
import { toDomainEvent, verifyEventChain } from './event-log.js';
import { EventsRepository } from './events.repository.js';

export function eventsRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = new EventsRepository(db);
  const tags = ['events'];

  r.get('/api/events', {
    schema: { tags, summary: 'The event log, oldest first, scoped to what the user may see', querystring: eventQuery, response: { 200: z.object({ items: z.array(domainEvent) }) } },
  }, async (request) => {
    const actor = authorize(request);
    const rows = await repo.list({ ...request.query, visible: visibleOrganisations(actor) });
    return { items: rows.map(toDomainEvent) };
  });

  r.get('/api/events/verify', {
    schema: { tags, summary: 'Recompute the hash chain of the whole log (admin, leader)', response: { 200: chainVerification } },
  }, async (request) => {
    authorize(request, ['admin', 'leader']);
    return verifyEventChain(db);
  });
}
