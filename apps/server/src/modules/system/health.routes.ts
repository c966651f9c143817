import { health } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Database } from '../../db/client.js';
import { VERSION } from '../../version.js';

export function healthRoutes(app: FastifyInstance, database: Database): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { tags: ['system'], summary: 'Liveness and which database is in use', response: { 200: health, 503: health } },
  }, async (_request, reply) => {
    const ok = await sql`select 1`.execute(database.db).then(() => true, () => false);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: database.kind, version: VERSION });
  });
}
