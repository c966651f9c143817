import path from 'node:path';
import { basemapKinds } from '@anlan/contracts';
import { z } from 'zod';

/**
 * The only reader of the environment. Every setting has a default that works on a laptop;
 * a bad value stops start-up with a message naming each variable that is wrong.
 */
const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const serviceArea = z
  .string()
  .transform((v) => v.split(',').map((x) => Number(x.trim())))
  .pipe(
    z
      .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180)], {
        error: 'four numbers: minLat,minLon,maxLat,maxLon',
      })
      .refine(([a, b, c, d]) => a < c && b < d, 'minLat,minLon,maxLat,maxLon with min < max'),
  );

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(8080),
  JT808_PORT: port.default(8808),
  /** The JT/T 808 gateway (terminals over TCP on JT808_PORT); off for an HTTP-only process. */
  JT808_ENABLED: bool.default(true),
  /** Where terminals connect; defaults to HOST. Terminals on the road need a public address. */
  JT808_HOST: z.string().min(1).optional(),
  JT808_MAX_CONNECTIONS: z.coerce.number().int().positive().default(20_000),
  /** No frame (a heartbeat counts) for this long closes a connection: 3 × the usual 60 s report interval. */
  JT808_IDLE_TIMEOUT_S: z.coerce.number().int().min(10).max(3600).default(180),
  /** Slow-loris protection: a connection without one valid frame after this long is dropped. */
  JT808_FIRST_FRAME_TIMEOUT_S: z.coerce.number().int().min(1).max(600).default(30),
  /** Reading from a terminal pauses while this many of its positions wait for their commit. */
  JT808_MAX_UNACKED: z.coerce.number().int().min(1).default(1000),
  /** Positions per transaction, and the longest (ms) a position waits for its batch. */
  INGEST_BATCH_SIZE: z.coerce.number().int().min(1).max(20_000).default(500),
  INGEST_BATCH_DELAY_MS: z.coerce.number().int().min(0).max(1000).default(20),
  /** Batches committing at once on PostgreSQL (PGlite, a single connection, always uses 1). */
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  /** Raw positions are kept this many whole months (carriers must keep 6); violation records 3 years elsewhere. */
  POSITIONS_RETENTION_MONTHS: z.coerce.number().int().min(6).max(120).default(6),
  /** A vehicle not heard from for this long shows offline even while its connection is open. */
  VEHICLE_OFFLINE_AFTER_S: z.coerce.number().int().min(10).default(300),
  /** Least time between two live-map messages to one browser. */
  LIVE_THROTTLE_MS: z.coerce.number().int().min(50).max(10_000).default(500),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when Anlan sits behind a TLS-terminating proxy: trust X-Forwarded-* and mark cookies Secure. */
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  DEFAULT_LOCALE: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** Printed before the kind in document numbers: 嘉港资规限改〔2026〕17号, 嘉港资规立〔2026〕1号. */
  DOCUMENT_PREFIX: z.string().min(1).max(20).default('嘉港资规'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** 重大隐患: days the regulator has to check after a rectification is submitted (verify per locality). */
  MAJOR_ACCEPTANCE_DAYS: z.coerce.number().int().min(1).max(90).default(10),
  /** Open311: public reports accepted per client address and window. */
  OPEN311_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(5),
  OPEN311_RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().positive().max(24 * 60).default(10),
  /** Open311: where reports may lie, as minLat,minLon,maxLat,maxLon (WGS-84); the district by default. */
  OPEN311_SERVICE_AREA: serviceArea.default([30.55, 120.95, 30.7, 121.2]),
  /** Open311: agency_responsible on every request. */
  OPEN311_AGENCY: z.string().trim().min(1).max(100).default('嘉兴港区安全生产委员会办公室'),
  /** 每日在线监测日报: when the daily job reports the day before, wall-clock HH:MM in China (Asia/Shanghai). */
  MONITORING_REPORT_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM between 00:00 and 23:59').default('06:00'),
  /** The district named on the daily monitoring report. */
  MONITORING_REPORT_DISTRICT: z.string().trim().min(1).max(50).default('嘉兴港区'),
  /** Notifications: the daily digest's wall-clock time in China (Asia/Shanghai), HH:MM. */
  DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM between 00:00 and 23:59').default('08:00'),
  /** Notifications: how often (ms) the dispatcher looks for new events. */
  NOTIFY_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000).default(3000),
  /** Webhooks: a receiver that does not answer within this time (ms) counts as a failed attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Webhooks: attempts per delivery (the first and its retries after 1 min, 5 min, 30 min, 2 h, 12 h, 12 h …). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Webhooks: allow receivers on loopback and private addresses; unset = allowed in demo mode only. */
  WEBHOOK_ALLOW_PRIVATE: bool.optional(),
  /** The live map's base map: offline (the demo map shipped with the app), tianditu, osm or amap. */
  MAP_BASEMAP: z.enum(basemapKinds).default('offline'),
  /** 天地图 browser key (tk), required by MAP_BASEMAP=tianditu. */
  MAP_TIANDITU_KEY: z.string().regex(/^[0-9A-Za-z]{16,64}$/, '16–64 letters or digits').optional(),
  /** Raster tile template for MAP_BASEMAP=osm, e.g. an own tile server; tile.openstreetmap.org by default. */
  MAP_OSM_TILES: z.url({ protocol: /^https?$/ }).refine((v) => v.includes('{z}'), 'a tile template with {z}, {x} and {y}').optional(),
});

export type Config = {
  host: string;
  port: number;
  jt808Port: number;
  jt808Enabled: boolean;
  jt808Host: string;
  jt808MaxConnections: number;
  jt808IdleTimeoutMs: number;
  jt808FirstFrameTimeoutMs: number;
  jt808MaxUnacked: number;
  ingestBatchSize: number;
  ingestBatchDelayMs: number;
  ingestConcurrency: number;
  positionsRetentionMonths: number;
  vehicleOfflineAfterMs: number;
  liveThrottleMs: number;
  dataDir: string;
  /** Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  trustProxy: boolean;
  /** Undefined: Secure exactly when the request came over TLS. */
  cookieSecure: boolean | undefined;
  sessionTtlMs: number;
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  defaultLocale: 'zh-CN' | 'en';
  uploadMaxBytes: number;
  documentPrefix: string;
  majorAcceptanceDays: number;
  open311RateLimitMax: number;
  open311RateLimitWindowMs: number;
  open311ServiceArea: { minLat: number; minLon: number; maxLat: number; maxLon: number };
  open311Agency: string;
  monitoringReportTime: string;
  monitoringReportDistrict: string;
  digestTime: string;
  notifyIntervalMs: number;
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  /** Undefined: allowed in demo mode, refused otherwise. */
  webhookAllowPrivate: boolean | undefined;
  mapBasemap: (typeof basemapKinds)[number];
  mapTiandituKey: string | undefined;
  mapOsmTiles: string | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as in most .env conventions.
  const present = Object.fromEntries(
    Object.keys(schema.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}=${JSON.stringify(present[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const c = parsed.data;
  if (c.MAP_BASEMAP === 'tianditu' && !c.MAP_TIANDITU_KEY) {
    throw new ConfigError(['MAP_TIANDITU_KEY: required when MAP_BASEMAP=tianditu (a 天地图 browser key)']);
  }
  return {
    host: c.HOST,
    port: c.PORT,
    jt808Port: c.JT808_PORT,
    jt808Enabled: c.JT808_ENABLED,
    jt808Host: c.JT808_HOST ?? c.HOST,
    jt808MaxConnections: c.JT808_MAX_CONNECTIONS,
    jt808IdleTimeoutMs: c.JT808_IDLE_TIMEOUT_S * 1000,
    jt808FirstFrameTimeoutMs: c.JT808_FIRST_FRAME_TIMEOUT_S * 1000,
    jt808MaxUnacked: c.JT808_MAX_UNACKED,
    ingestBatchSize: c.INGEST_BATCH_SIZE,
    ingestBatchDelayMs: c.INGEST_BATCH_DELAY_MS,
    ingestConcurrency: c.INGEST_CONCURRENCY,
    positionsRetentionMonths: c.POSITIONS_RETENTION_MONTHS,
    vehicleOfflineAfterMs: c.VEHICLE_OFFLINE_AFTER_S * 1000,
    liveThrottleMs: c.LIVE_THROTTLE_MS,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    cookieSecure: c.COOKIE_SECURE,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3600_000,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    loginRateLimitPerMinute: c.LOGIN_RATE_LIMIT_PER_MINUTE,
    defaultLocale: c.DEFAULT_LOCALE,
    uploadMaxBytes: c.UPLOAD_MAX_BYTES,
    documentPrefix: c.DOCUMENT_PREFIX,
    majorAcceptanceDays: c.MAJOR_ACCEPTANCE_DAYS,
    open311RateLimitMax: c.OPEN311_RATE_LIMIT_MAX,
    open311RateLimitWindowMs: c.OPEN311_RATE_LIMIT_WINDOW_MINUTES * 60_000,
    open311ServiceArea: (([minLat, minLon, maxLat, maxLon]) => ({ minLat, minLon, maxLat, maxLon }))(c.OPEN311_SERVICE_AREA),
    open311Agency: c.OPEN311_AGENCY,
    monitoringReportTime: c.MONITORING_REPORT_TIME,
    monitoringReportDistrict: c.MONITORING_REPORT_DISTRICT,
    digestTime: c.DIGEST_TIME,
    notifyIntervalMs: c.NOTIFY_INTERVAL_MS,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_MS,
    webhookMaxAttempts: c.WEBHOOK_MAX_ATTEMPTS,
    webhookAllowPrivate: c.WEBHOOK_ALLOW_PRIVATE,
    mapBasemap: c.MAP_BASEMAP,
    mapTiandituKey: c.MAP_TIANDITU_KEY,
    mapOsmTiles: c.MAP_OSM_TILES,
  };
}
