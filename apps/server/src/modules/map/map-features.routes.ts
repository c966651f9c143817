import { mapFeatures } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { MapFeaturesService } from './map-features.service.js';

/** GET /api/map/features: the live map's layers besides vehicles, for every signed-in user, scoped to them. */
export function mapFeaturesRoutes(app: FastifyInstance, d: { features: MapFeaturesService }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/map/features',
    {
      schema: {
        tags: ['system'],
        summary:
          '地图图层: subjects by risk colour, open hazards, zones and approved routes in force (scoped to the user)',
        response: { 200: mapFeatures },
      },
    },
    async (request) => d.features.features(authorize(request)),
  );
}
