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
import { DiskStorage } from './modules/files/storage.js';

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
  const storage = new DiskStorage(path.join(config.dataDir, 'files'));
  if (opts.demo) await seedDemo(database.db, { storage, documentPrefix: config.documentPrefix });
  const app = await buildApp({ config, database, storage, demo: opts.demo ?? false });
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
  // Client-side routes get index.html; API paths and missing files (a path with an extension, e.g. an
  // old build's /assets/x.js) get a real 404, so a stale tab fails loudly instead of parsing HTML as JS.
  app.get('/*', (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (pathname.startsWith('/api/') || pathname.startsWith('/open311/') || /\.[a-z0-9]+$/i.test(pathname)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
