import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { login, menuLabels, screenshot, screenshotOnFailure } from './support/app.js';
import { launchChromium, newContext, newPage, pageErrors, waitForText } from './support/browser.js';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
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

  const context = await newContext(browser);
  const page = await newPage(context);
  pages.push(page);
  await login(page, baseURL, 'sanjiang');
  await page.waitForURL((url) => url.pathname === '/my');
  expect(await menuLabels(page)).toEqual(['我的隐患', '车辆地图', '我的账号']);

  await page.goto(`${baseURL}/hazards/${foreign.id}`);
  await waitForText(page, '页面不存在');
  expect(await page.evaluate((id) => fetch(`/api/hazards/${id}`).then((r) => r.status), foreign.id)).toBe(404);
  await screenshot(page, 'enterprise-foreign-hazard-zh');

  // Regulator pages are refused by URL too, and the dashboard leads back to the portal.
  for (const path of ['/hazards', '/campaigns', '/m/inspect', '/users', '/events']) {
    await page.goto(`${baseURL}${path}`);
    await waitForText(page, '无权访问');
  }
  await page.goto(`${baseURL}/`);
  await page.waitForURL((url) => url.pathname === '/my');
  expect(pageErrors(page)).toEqual([]);
});
