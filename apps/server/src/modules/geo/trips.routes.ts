import { cancelTrip, createTrip, idParams, page, trip, tripQuery } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { TripsService } from './trips.service.js';

export function tripsRoutes(app: FastifyInstance, d: { trips: TripsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['trips'];

  r.get(
    '/api/trips',
    {
      schema: {
        tags,
        summary: '电子运单: trips, newest planned start first, scoped to the carrier',
        querystring: tripQuery,
        response: { 200: page(trip) },
      },
    },
    async (request) => ({
      ...(await d.trips.list(authorize(request), request.query)),
      limit: request.query.limit,
      offset: request.query.offset,
    }),
  );

  r.get(
    '/api/trips/:id',
    { schema: { tags, summary: 'One trip', params: idParams, response: { 200: trip } } },
    async (request) => d.trips.get(authorize(request), request.params.id),
  );

  r.post(
    '/api/trips',
    {
      schema: {
        tags,
        summary: 'Open a waybill for a vehicle (its carrier, monitor, admin)',
        body: createTrip,
        response: { 201: trip },
      },
    },
    async (request, reply) => reply.status(201).send(await d.trips.create(authorize(request), request.body)),
  );

  r.post(
    '/api/trips/:id/start',
    { schema: { tags, summary: 'Planned → under way', params: idParams, response: { 200: trip } } },
    async (request) => d.trips.start(authorize(request), request.params.id),
  );

  r.post(
    '/api/trips/:id/finish',
    { schema: { tags, summary: 'Under way → done', params: idParams, response: { 200: trip } } },
    async (request) => d.trips.finish(authorize(request), request.params.id),
  );

  r.post(
    '/api/trips/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Planned or under way → cancelled, with an optional reason',
        params: idParams,
        body: cancelTrip.optional(),
        response: { 200: trip },
      },
    },
    async (request) => d.trips.cancel(authorize(request), request.params.id, request.body ?? {}),
  );
}
