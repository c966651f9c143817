import { approvedRoute, createRoute, idParams, routeList, routeQuery, updateRoute } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { ApprovedRoutesService } from './approved-routes.service.js';

export function approvedRoutesRoutes(app: FastifyInstance, d: { routes: ApprovedRoutesService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['routes'];

  r.get(
    '/api/routes',
    {
      schema: {
        tags,
        summary: '核定路线: approved routes; a carrier sees its own and the shared ones',
        querystring: routeQuery,
        response: { 200: routeList },
      },
    },
    async (request) => ({ items: await d.routes.list(authorize(request), request.query) }),
  );

  r.get(
    '/api/routes/:id',
    { schema: { tags, summary: 'One approved route', params: idParams, response: { 200: approvedRoute } } },
    async (request) => d.routes.get(authorize(request), request.params.id),
  );

  r.post(
    '/api/routes',
    {
      schema: {
        tags,
        summary: 'Approve a route (admin, monitor)',
        body: createRoute,
        response: { 201: approvedRoute },
      },
    },
    async (request, reply) => reply.status(201).send(await d.routes.create(authorize(request), request.body)),
  );

  r.patch(
    '/api/routes/:id',
    {
      schema: {
        tags,
        summary: 'Change an approved route; active: true puts it back in force (admin, monitor)',
        params: idParams,
        body: updateRoute,
        response: { 200: approvedRoute },
      },
    },
    async (request) => d.routes.update(authorize(request), request.params.id, request.body),
  );

  r.post(
    '/api/routes/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Take an approved route out of force (admin, monitor)',
        params: idParams,
        response: { 200: approvedRoute },
      },
    },
    async (request) => d.routes.deactivate(authorize(request), request.params.id),
  );
}
