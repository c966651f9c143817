import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { artifact, login, menuLabels, screenshotOnFailure } from './support/app.js';
import { Chromium } from './support/chromium.js';
import type { Page } from './support/page.js';

const baseURL = inject('baseURL');
let browser: Chromium;

beforeAll(async () => {
  browser = await Chromium.launch();
});
afterAll(async () => {
  await browser?.close();
});

interface HazardRow {
  id: string;
  organisationId: string | null;
}

it('an enterprise user sees only its own portal and cannot open another enterprise’s hazard by URL', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const regulator = await ApiSession.login(baseURL, 'inspector');
  const own = await ApiSession.login(baseURL, 'sanjiang');
  const ownHazards = await own.get<{ items: HazardRow[] }>('/api/hazards?limit=500');
  const ownOrg = ownHazards.items[0]?.organisationId;
  expect(ownOrg).toBeTruthy();
  const all = await regulator.get<{ items: HazardRow[] }>('/api/hazards?limit=500');
  const foreign = all.items.find((h) => h.organisationId !== ownOrg)!;
  expect(foreign).toBeDefined();

  const context = await browser.newContext();
  const page = await context.newPage();
  pages.push(page);
  await login(page, baseURL, 'sanjiang');
  await page.waitFor('location.pathname === "/my"', 'the portal as landing page');
  expect(await menuLabels(page)).toEqual(['我的隐患', '我的账号']);

  await page.goto(`${baseURL}/hazards/${foreign.id}`);
  await page.waitForText('页面不存在');
  expect(await page.evaluate<number>(`fetch('/api/hazards/${foreign.id}').then((r) => r.status)`)).toBe(404);
  await page.screenshot(artifact('enterprise-foreign-hazard-zh'));

  // Regulator pages are refused by URL too, and the dashboard leads back to the portal.
  for (const path of ['/hazards', '/campaigns', '/m/inspect', '/users', '/events']) {
    await page.goto(`${baseURL}${path}`);
    await page.waitForText('无权访问');
  }
  await page.goto(`${baseURL}/`);
  await page.waitFor('location.pathname === "/my"', 'the dashboard to redirect to the portal');
  expect(page.errors).toEqual([]);
});
