import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startServer } from './main.js';
import { DEMO_PASSWORD } from './modules/demo/demo-seed.js';

describe('startServer', () => {
  it('runs the demo on a real port and keeps its data across restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-main-'));
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    try {
      for (let i = 0; i < 2; i++) {
        const running = await startServer(config, { demo: true });
        const health = (await (await fetch(`${running.url}/api/health`)).json()) as { database: string };
        expect(health.database).toBe('pglite');
        const login = await fetch(`${running.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'leader', password: DEMO_PASSWORD }),
        });
        expect(login.status).toBe(200);
        const users = await running.database.db.selectFrom('users').select('username').execute();
        expect(users).toHaveLength(7);
        await running.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
