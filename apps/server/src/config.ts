import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of the environment. Every setting has a default that works on a laptop;
 * a bad value stops start-up with a message naming each variable that is wrong.
 */
const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(8080),
  JT808_PORT: port.default(8808),
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
});

export type Config = {
  host: string;
  port: number;
  jt808Port: number;
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
  return {
    host: c.HOST,
    port: c.PORT,
    jt808Port: c.JT808_PORT,
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
  };
}
