import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { confirmButton, dayFromNow, dialogClosed, login, screenshot, screenshotOnFailure } from './support/app.js';
import { launchChromium, newContext, newPage, pageErrors, waitForText } from './support/browser.js';

/* The vehicle list and the daily reports on the shared demo server (no gateway needed: nothing drives here). */

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('the vehicle list counts vehicles by status and the daily reports show the five rates against their targets', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const page = await newPage(await newContext(browser));
  pages.push(page);
  await login(page, baseURL, 'monitor');

  await page.goto(`${baseURL}/vehicles`);
  await page.locator('[data-testid="vehicle-list"] tbody tr[data-row-key]').first().waitFor();
  const count = async (key: string) => Number(await page.locator(`[data-testid="vehicle-count-${key}"] .ant-statistic-content-value`).innerText());
  const total = await count('all');
  expect(total).toBeGreaterThanOrEqual(30);
  expect((await count('online')) + (await count('offline')) + (await count('never'))).toBe(total);
  await page.locator('[data-testid="vehicle-list"] tbody tr[data-row-key]').first().click();
  await page.locator('[data-testid="vehicle-detail"]').waitFor();
  await waitForText(page, '电子运单');
  await screenshot(page, 'monitor-vehicles-zh');

  // The daily job generated the last days at start; generate yesterday again by hand and open it.
  await page.goto(`${baseURL}/monitor/reports`);
  await page.locator('[data-testid="report-generate"]').click();
  await confirmButton(page).click();
  await dialogClosed(page);
  const firstDay = page.locator('[data-testid="report-list"] tbody tr[data-row-key] a').first();
  await firstDay.waitFor();
  await screenshot(page, 'monitor-reports-zh');
  await firstDay.click();
  await page.locator('[data-testid="report-rates"] [data-rate="online"]').waitFor();
  expect(await page.locator('[data-testid="report-rates"] [data-verdict]').count()).toBe(5);
  expect(await page.locator('[data-testid="report-xlsx"]').getAttribute('href')).toMatch(/^\/api\/monitoring-reports\/\d{4}-\d{2}-\d{2}\.xlsx$/);
  await screenshot(page, 'monitor-report-day-zh');

  // English is complete on these pages too.
  await page.locator('.ant-segmented-item', { hasText: 'English' }).click();
  await waitForText(page, 'Track completeness');
  expect(await page.locator('body').innerText()).not.toContain('轨迹完整率');
  expect(pageErrors(page)).toEqual([]);
});

it('a carrier sees its own vehicles and reports from its portal, and no one else’s', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const own = (await (await ApiSession.login(baseURL, 'carrier')).get<{ items: { plate: string; organisationName: string }[] }>('/api/vehicles?limit=500')).items;
  expect(own.length).toBeGreaterThan(0);
  const page = await newPage(await newContext(browser));
  pages.push(page);
  await login(page, baseURL, 'carrier');
  await page.locator('[data-testid="my-vehicles"] a[href="/my/vehicles"]').click();
  await page.waitForURL((url) => url.pathname === '/my/vehicles');
  await page.locator('[data-testid="vehicle-list"] tbody tr[data-row-key]').first().waitFor();
  expect(Number(await page.locator('[data-testid="vehicle-count-all"] .ant-statistic-content-value').innerText())).toBe(own.length);
  const plates = await page.locator('[data-testid="vehicle-list"] tbody tr[data-row-key] td:first-child').allInnerTexts();
  const ownPlates = new Set(own.map((v) => v.plate));
  expect(plates.length).toBeGreaterThan(0);
  expect(plates.every((p) => ownPlates.has(p.trim()))).toBe(true);
  await screenshot(page, 'carrier-vehicles-zh');

  // Its reports page lists only its own reports (there may be none before its vehicles' first day); the district's
  // report of a day the regulator sees is not the carrier's to read.
  await page.goto(`${baseURL}/my/reports`);
  await page.locator('[data-testid="report-list"] .ant-table').waitFor();
  await waitForText(page, '本企业在线监测日报');
  const scopes = await page.locator('[data-testid="report-list"] tbody tr[data-row-key] td:nth-child(2)').allInnerTexts();
  expect(scopes.every((s) => s.trim() === own[0]!.organisationName)).toBe(true);
  const monitor = await ApiSession.login(baseURL, 'monitor');
  const other = (await monitor.get<{ items: { organisationId: string; organisationName: string }[] }>('/api/vehicles?limit=500')).items.find(
    (v) => v.organisationName !== own[0]!.organisationName,
  )!;
  const [from, to] = [dayFromNow(-7), dayFromNow(-1)];
  const asCarrier = (url: string) => page.evaluate((u) => fetch(u).then(async (r) => ({ status: r.status, body: r.ok ? await r.json() : null })), url);
  expect(await asCarrier(`/api/monitoring-reports?from=${from}&to=${to}&organisationId=${other.organisationId}`)).toEqual({ status: 200, body: { items: [] } });
  expect((await asCarrier(`/api/monitoring-reports/${to}?organisationId=${other.organisationId}`)).status).toBe(404);
  for (const path of ['/vehicles', '/monitor/reports']) {
    await page.goto(`${baseURL}${path}`);
    await waitForText(page, '无权访问');
  }
  expect(pageErrors(page)).toEqual([]);
});
