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
import { startAlarmJobs, startRulesRunner } from './modules/alarms/alarm-monitoring.js';
import type { RulesRunner } from './modules/alarms/rules-runner.js';
import type { RulesConfig } from './rules/config.js';
import { FilesService } from './modules/files/files.service.js';
import { HazardsService } from './modules/hazards/hazards.service.js';
import { GeoChanges } from './modules/geo/geo-changes.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { startMonitoringReportJob } from './modules/monitoring-reports/monitoring-report-job.js';
import { MonitoringReportsService } from './modules/monitoring-reports/monitoring-reports.service.js';
import { startNotificationJobs } from './modules/notifications/notification-jobs.js';
import { startRiskJob } from './modules/risk/risk-job.js';
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
  // One of each for the whole process: the rules runner hears the changes the API makes.
  const geoChanges = new GeoChanges();
  const settings = new SettingsService(database.db);
  await settings.load();
  const app = await buildApp({ config, database, storage, demo: opts.demo ?? false, gateway: runtime, geoChanges, settings });
  await serveWebApp(app);
  const url = await app.listen({ host: config.host, port: config.port });
  let gateway: RunningGateway | undefined;
  let rules: RulesRunner<RulesConfig> | undefined;
  if (config.jt808Enabled) {
    const db = database.db;
    const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
    gateway = await startGateway({
      directory: new DbTerminalDirectory(db),
      // The report thresholds in force go with each batch: the per-vehicle-day rollup is kept with them.
      write: (records) => insertPositions(db, records, settings.peek('monitoring_report')),
      runtime,
      options: gatewayOptions(config, database.kind),
      log,
    }).catch(async (err: unknown) => {
      maintenance.stop();
      await app.close();
      await database.close();
      throw err;
    });
    // The rules engine on this gateway's committed positions: alarms into the table and onto the live WebSocket.
    rules = await startRulesRunner({ db, hub: runtime.hub, settings, geoChanges, log });
  }
  // Alarm escalation and alarm → hazard (every minute; one process at a time across the cluster).
  const files = new FilesService(database.db, storage, config.uploadMaxBytes);
  const alarmJobs = await startAlarmJobs({
    db: database.db,
    settings,
    hazards: new HazardsService(database.db, files, { majorAcceptanceDays: config.majorAcceptanceDays }),
    log: (msg, err) => app.log.error({ err }, msg),
  });
  // 每日在线监测日报: the day before at MONITORING_REPORT_TIME, and at start the last 7 days missed while down.
  const reports = new MonitoringReportsService(database.db, {
    log: (m) => app.log.warn(m),
    concurrency: database.kind === 'postgresql' ? 2 : 1,
  });
  const reportJob = startMonitoringReportJob(reports, {
    time: config.monitoringReportTime,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  // Notifications: the dispatcher follows the event log, webhooks are sent and retried, the digest is made daily.
  const notificationJobs = startNotificationJobs(database.db, {
    intervalMs: config.notifyIntervalMs,
    digestTime: config.digestTime,
    webhookTimeoutMs: config.webhookTimeoutMs,
    webhookMaxAttempts: config.webhookMaxAttempts,
    webhookAllowPrivate: config.webhookAllowPrivate ?? opts.demo ?? false,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  // 风险分级: every subject's and vehicle's level and the escalation ladder, at start and every 10 minutes.
  const riskJob = startRiskJob(database.db, { config: () => settings.get('risk'), log: (msg, err) => app.log.error({ err }, msg) });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // The gateway first: it drains its batches (and their acks) while the database is still open.
      await gateway?.close();
      // After the gateway: the last committed positions go through the rules and their alarms are stored.
      await rules?.stop();
      await alarmJobs.stop();
      maintenance.stop();
      reportJob.stop();
      await reportJob.ready;
      await notificationJobs.stop();
      await riskJob.stop();
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
