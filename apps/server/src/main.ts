import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';
import { buildApp } from './http/app.js';
import { seedDemo } from './modules/demo/demo-seed.js';

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Wiring only: config → database → migrations → (demo data) → HTTP. */
export async function startServer(config: Config, opts: { demo?: boolean } = {}): Promise<Running> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  if (opts.demo) await seedDemo(database.db);
  const app = await buildApp({ config, database });
  await serveWebApp(app);
  const url = await app.listen({ host: config.host, port: config.port });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await database.close();
    })());
  return { app, database, url, stop };
}

/** The built web console (apps/web/dist), with SPA fallback for its client-side routes. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.resolve(here, '../../web/dist');
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'web console not built; run npm run build');
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
