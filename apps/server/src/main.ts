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
import { gatewayOptions } from './gateway/options.js';
import { createGatewayRuntime } from './gateway/runtime.js';
import { startGateway, type RunningGateway } from './gateway/server.js';
import { startPositionsMaintenance } from './modules/vehicles/position-partitions.js';
import { insertPositions } from './modules/vehicles/positions.repository.js';
import { DbTerminalDirectory } from './modules/vehicles/vehicles.repository.js';

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** The JT/T 808 gateway, unless JT808_ENABLED=false. */
  gateway: RunningGateway | undefined;
  stop(): Promise<void>;
}

/** Wiring only: config → database → migrations → (demo data) → HTTP + JT/T 808 gateway + jobs. */
export async function startServer(config: Config, opts: { demo?: boolean } = {}): Promise<Running> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const storage = new DiskStorage(path.join(config.dataDir, 'files'));
  if (opts.demo) await seedDemo(database.db, { storage, documentPrefix: config.documentPrefix });
  const runtime = createGatewayRuntime({ offlineAfterMs: config.vehicleOfflineAfterMs });
  const maintenance = startPositionsMaintenance(database.db, {
    retentionMonths: config.positionsRetentionMonths,
    log: (msg, err) => process.stderr.write(`anlan: ${msg}: ${err instanceof Error ? err.message : String(err)}\n`),
  });
  await maintenance.ready;
  const app = await buildApp({ config, database, storage, demo: opts.demo ?? false, gateway: runtime });
  await serveWebApp(app);
  const url = await app.listen({ host: config.host, port: config.port });
  let gateway: RunningGateway | undefined;
  if (config.jt808Enabled) {
    const db = database.db;
    const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
    gateway = await startGateway({
      directory: new DbTerminalDirectory(db),
      write: (records) => insertPositions(db, records),
      runtime,
      options: gatewayOptions(config, database.kind),
      log,
    }).catch(async (err: unknown) => {
      maintenance.stop();
      await app.close();
      await database.close();
      throw err;
    });
  }
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // The gateway first: it drains its batches (and their acks) while the database is still open.
      await gateway?.close();
      maintenance.stop();
      await app.close();
      await database.close();
    })());
  return { app, database, url, gateway, stop };
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
