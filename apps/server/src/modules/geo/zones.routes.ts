import { createZone, idParams, updateZone, zone, zoneList, zoneQuery } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { ZonesService } from './zones.service.js';

export function zonesRoutes(app: FastifyInstance, d: { zones: ZonesService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['zones'];

  r.get(
    '/api/zones',
    {
      schema: {
        tags,
        summary: '区域: restricted zones, roads, speed limits, parking and sensitive areas (every signed-in user)',
        querystring: zoneQuery,
        response: { 200: zoneList },
      },
    },
    async (request) => {
      authorize(request);
      return { items: await d.zones.list(request.query) };
    },
  );

  r.get(
    '/api/zones/:id',
    { schema: { tags, summary: 'One zone', params: idParams, response: { 200: zone } } },
    async (request) => {
      authorize(request);
      return d.zones.get(request.params.id);
    },
  );

  r.post(
    '/api/zones',
    { schema: { tags, summary: 'Draw a zone (admin, monitor)', body: createZone, response: { 201: zone } } },
    async (request, reply) => reply.status(201).send(await d.zones.create(authorize(request), request.body)),
  );

  r.patch(
    '/api/zones/:id',
    {
      schema: {
        tags,
        summary: 'Change a zone; null clears a field, active: true puts it back in force (admin, monitor)',
        params: idParams,
        body: updateZone,
        response: { 200: zone },
      },
    },
    async (request) => d.zones.update(authorize(request), request.params.id, request.body),
  );

  r.post(
    '/api/zones/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Take a zone out of force; it stays for the alarms that name it (admin, monitor)',
        params: idParams,
        response: { 200: zone },
      },
    },
    async (request) => d.zones.deactivate(authorize(request), request.params.id),
  );
}
