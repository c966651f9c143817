import {
  createVehicle,
  gatewayStats,
  idParams,
  latestPositions,
  page,
  playback,
  playbackQuery,
  track,
  trackQuery,
  vehicle,
  vehicleQuery,
} from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { GatewayCounters } from '../../gateway/stats.js';
import { authorize } from '../../http/auth.js';
import type { VehiclesService } from './vehicles.service.js';

export function vehiclesRoutes(
  app: FastifyInstance,
  d: { vehicles: VehiclesService; counters: GatewayCounters },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['vehicles'];

  r.get(
    '/api/vehicles',
    {
      schema: {
        tags,
        summary: '危货车辆: vehicles with latest position and online status',
        querystring: vehicleQuery,
        response: { 200: page(vehicle) },
      },
    },
    async (request) => ({
      ...(await d.vehicles.list(authorize(request), request.query)),
      limit: request.query.limit,
      offset: request.query.offset,
    }),
  );

  r.get(
    '/api/vehicles/latest',
    {
      schema: {
        tags,
        summary: 'The latest position of every visible vehicle, for the map',
        response: { 200: latestPositions },
      },
    },
    async (request) => ({
      items: await d.vehicles.latest(authorize(request)),
    }),
  );

  r.get(
    '/api/vehicles/:id',
    { schema: { tags, summary: 'One vehicle', params: idParams, response: { 200: vehicle } } },
    async (request) => d.vehicles.get(authorize(request), request.params.id),
  );

  r.post(
    '/api/vehicles',
    {
      schema: {
        tags,
        summary: 'Register a vehicle and its JT/T 808 terminal (admin, monitor)',
        body: createVehicle,
        response: { 201: vehicle },
      },
    },
    async (request, reply) => reply.status(201).send(await d.vehicles.create(authorize(request), request.body)),
  );

  r.get(
    '/api/vehicles/:id/track',
    {
      schema: {
        tags,
        summary: '轨迹回放: positions of one vehicle over at most 24 h',
        params: idParams,
        querystring: trackQuery,
        response: { 200: track },
      },
    },
    async (request) => d.vehicles.track(authorize(request), request.params.id, request.query),
  );

  r.get(
    '/api/vehicles/:id/playback',
    {
      schema: {
        tags,
        summary: '轨迹回放 for display: simplified (toleranceM) but keeping alarm positions and stops, with the alarms',
        params: idParams,
        querystring: playbackQuery,
        response: { 200: playback },
      },
    },
    async (request) => d.vehicles.playback(authorize(request), request.params.id, request.query),
  );

  r.get(
    '/api/gateway/stats',
    { schema: { tags, summary: 'JT/T 808 gateway counters (admin, monitor)', response: { 200: gatewayStats } } },
    async (request) => {
      authorize(request, ['admin', 'monitor']);
      return d.counters.snapshot();
    },
  );
}
