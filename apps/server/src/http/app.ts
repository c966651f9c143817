import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { eventsRoutes } from '../modules/events/events.routes.js';
import { AuthService } from '../modules/identity/auth.service.js';
import { identityRoutes } from '../modules/identity/identity.routes.js';
import { OrganisationsService } from '../modules/identity/organisations.service.js';
import { UsersService } from '../modules/identity/users.service.js';
import { healthRoutes } from '../modules/system/health.routes.js';
import { mapConfigRoutes } from '../modules/system/map-config.routes.js';
import { mapFeaturesRoutes } from '../modules/map/map-features.routes.js';
import { MapFeaturesService } from '../modules/map/map-features.service.js';
import { VERSION } from '../version.js';
import { registerSessionResolution } from './auth.js';
import { registerErrorHandling } from './errors.js';
import { registerClosedLoop } from './closed-loop.js';
import { registerNotifications } from './notifications.js';
import { registerVehicles } from './vehicles.js';
import { registerGeo } from './geo.js';
import { registerAlarms } from './alarms.js';
import { registerRisk } from './risk.js';
import { monitoringReportsRoutes } from '../modules/monitoring-reports/monitoring-reports.routes.js';
import { MonitoringReportsService } from '../modules/monitoring-reports/monitoring-reports.service.js';
import type { GeoChanges } from '../modules/geo/geo-changes.js';
import { settingsRoutes } from '../modules/settings/settings.routes.js';
import { SettingsService } from '../modules/settings/settings.service.js';
import type { GatewayRuntime } from '../gateway/runtime.js';
import type { FileStorage } from '../modules/files/storage.js';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Where uploaded and generated files live; disk under DATA_DIR unless given. */
  storage?: FileStorage;
  /** Demo mode: generated documents carry a demo watermark. */
  demo?: boolean;
  /** false in tests that want quiet output. */
  logger?: boolean;
  /** The clock, for tests. */
  now?: () => Date;
  /** The JT/T 808 gateway's live hub, presence and counters, when this process runs the gateway. */
  gateway?: GatewayRuntime;
  /** Signalled after every zone, route or trip change; give the rules runner the same one (main makes it). */
  geoChanges?: GeoChanges;
  /** Run-time settings; give jobs the same one so that they hear changes (main makes it). */
  settings?: SettingsService;
}

/** The HTTP application: every module's routes over one database. Listening is the caller's job. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, logger = true } = deps;
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Anlan 安澜 API', description: '重大隐患风险提级管控系统', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'anlan_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const { db } = database;
  const auth = new AuthService(db, config.sessionTtlMs);
  registerSessionResolution(app, auth);

  healthRoutes(app, database);
  mapConfigRoutes(app, config);
  mapFeaturesRoutes(app, { features: new MapFeaturesService(db, deps.now) });
  identityRoutes(app, {
    auth,
    users: new UsersService(db),
    organisations: new OrganisationsService(db),
    cookieSecure: config.cookieSecure,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
  });
  eventsRoutes(app, db);
  registerClosedLoop(app, deps);
  registerNotifications(app, deps);
  await registerVehicles(app, deps);
  registerGeo(app, deps);
  registerAlarms(app, deps);
  registerRisk(app, deps);
  settingsRoutes(app, { settings: deps.settings ?? new SettingsService(db, deps.now) });
  monitoringReportsRoutes(app, {
    reports: new MonitoringReportsService(db, {
      log: (m) => app.log.warn(m),
      ...(deps.now ? { now: deps.now } : {}),
      concurrency: database.kind === 'postgresql' ? 2 : 1,
    }),
    districtName: config.monitoringReportDistrict,
  });

  return app;
}
