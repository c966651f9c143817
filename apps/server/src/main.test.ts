import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CampaignStatistics } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startServer } from './main.js';
import { DEMO_PASSWORD } from './modules/demo/demo-seed.js';

describe('startServer in demo mode', () => {
  it('serves the district’s published campaign figures and keeps its data across restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-main-'));
    const config = loadConfig({ PORT: '0', JT808_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const counts: number[] = [];
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
        const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
        const campaigns = (await (await fetch(`${running.url}/api/campaigns`, { headers: { cookie } })).json()) as { items: { id: string; name: string }[] };
        const yearEnd = campaigns.items.find((c) => c.name === '岁末年初安全生产大检查')!;
        const stats = (await (await fetch(`${running.url}/api/campaigns/${yearEnd.id}/statistics`, { headers: { cookie } })).json()) as CampaignStatistics;
        expect(stats).toMatchObject({
          inspectorVisits: 180,
          subjectsInspected: { construction_site: 45, household: 125 },
          hazardsByType: { construction_site: 160, household: 19 },
          rectifiedByType: { household: 19 },
          notices: { rectify: 17, stop_work: 8 },
          cases: 1,
        });
        expect(stats.leaflets).toBeGreaterThan(300);
        expect(stats.briefing).toContain('累计出动检查人员180人次,排查在建工地45个,共发现各类安全隐患160项');
        const notice = (await (await fetch(`${running.url}/api/notices?limit=1`, { headers: { cookie } })).json()) as { items: { pdfUrl: string }[] };
        const pdf = await fetch(`${running.url}${notice.items[0]!.pdfUrl}`, { headers: { cookie } });
        expect(pdf.headers.get('content-type')).toBe('application/pdf');
        counts.push((await running.database.db.selectFrom('hazards').select('id').execute()).length);
        await running.stop();
      }
      expect(counts[1]).toBe(counts[0]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
