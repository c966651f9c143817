import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
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

const bodyText = (page: Page) => page.locator('body').innerText();

it('switching to English shows English labels on the dashboard, the ledger, campaigns and a hazard', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const context = await newContext(browser);
  const page = await newPage(context);
  pages.push(page);
  await login(page, baseURL, 'leader');
  await page.getByTestId('open-now').waitFor();
  expect(await menuLabels(page)).toContain('隐患台账');

  await page.locator('.ant-segmented-item', { hasText: 'English' }).click();
  await waitForText(page, 'Open hazards now');
  // Every entry of the leader's menu is in English: the known ones by name, and no Chinese left in any.
  const menu = await menuLabels(page);
  expect(menu).toEqual(expect.arrayContaining(['Dashboard', 'Hazard ledger', 'Campaigns', 'Vehicle map', 'Organisations', 'Users', 'Event log', 'My account']));
  expect(menu.filter((label) => /[\u4e00-\u9fff]/.test(label))).toEqual([]);
  await page.getByTestId('briefing').waitFor();
  expect(await bodyText(page)).toContain('Inspector visits');
  await screenshot(page, 'dashboard-en');

  await page.goto(`${baseURL}/hazards?status=open`);
  await page.locator('.ant-table-row').first().waitFor();
  const ledger = await bodyText(page);
  for (const label of ['Hazard ledger', 'Export to Excel', 'Hazard no.', 'Deadline', 'General hazard']) expect(ledger).toContain(label);
  expect(ledger).not.toContain('隐患台账');
  await screenshot(page, 'ledger-en');

  await page.goto(`${baseURL}/campaigns`);
  await page.getByTestId('campaign-figures').waitFor();
  expect(await bodyText(page)).toContain('Closure rate');
  await screenshot(page, 'campaigns-en');

  await page.goto(`${baseURL}/hazards?status=open&level=major`);
  await page.locator('.ant-table-row a').first().click();
  await page.locator('[data-testid="hazard-timeline"] [data-testid="timeline-found"]').waitFor();
  const hazard = await bodyText(page);
  for (const label of ['Timeline', 'Hazard found', 'Treatment plan', 'Major hazard']) expect(hazard).toContain(label);
  await screenshot(page, 'hazard-en');
  expect(pageErrors(page)).toEqual([]);
});
