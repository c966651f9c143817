import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has laptop defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, jt808Port: 8808, databaseUrl: undefined, defaultLocale: 'zh-CN' });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads the environment, treating empty values as unset', () => {
    const c = loadConfig({ PORT: '9000', DATABASE_URL: 'postgresql://u@db/anlan', HOST: '', TRUST_PROXY: 'yes' });
    expect(c).toMatchObject({ port: 9000, databaseUrl: 'postgresql://u@db/anlan', host: '127.0.0.1', trustProxy: true });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', JT808_PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT="eighty"', 'JT808_PORT="70000"', 'DATABASE_URL="mysql://x"', 'LOG_LEVEL="loud"']) {
      expect(message).toContain(name);
    }
    expect((error as ConfigError).problems).toHaveLength(4);
  });
});
