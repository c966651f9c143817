import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { artifact, login, menuLabels, screenshotOnFailure } from './support/app.js';
import { Chromium } from './support/chromium.js';
import { byText, css, type Page } from './support/page.js';

const baseURL = inject('baseURL');
let browser: Chromium;

beforeAll(async () => {
  browser = await Chromium.launch();
});
afterAll(async () => {
  await browser?.close();
});

it('switching to English shows English labels on the dashboard, the ledger, campaigns and a hazard', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const context = await browser.newContext();
  const page = await context.newPage();
  pages.push(page);
  await login(page, baseURL, 'leader');
  await page.waitFor(css('[data-testid="open-now"]'), 'the dashboard');
  expect(await menuLabels(page)).toContain('隐患台账');

  await page.click(byText('English', '.ant-segmented-item'));
  await page.waitForText('Open hazards now');
  expect(await menuLabels(page)).toEqual(['Dashboard', 'Hazard ledger', 'Campaigns', 'Field inspection', 'Organisations', 'Users', 'Event log', 'My account']);
  await page.waitFor(css('[data-testid="briefing"]'), 'the campaign figures');
  expect(await page.text()).toContain('Inspector visits');
  await page.screenshot(artifact('dashboard-en'));

  await page.goto(`${baseURL}/hazards?status=open`);
  await page.waitFor(css('.ant-table-row'), 'the ledger rows');
  const ledger = await page.text();
  for (const label of ['Hazard ledger', 'Export to Excel', 'Hazard no.', 'Deadline', 'General hazard']) expect(ledger).toContain(label);
  expect(ledger).not.toContain('隐患台账');
  await page.screenshot(artifact('ledger-en'));

  await page.goto(`${baseURL}/campaigns`);
  await page.waitFor(css('[data-testid="campaign-figures"]'), 'the campaign figures');
  expect(await page.text()).toContain('Closure rate');
  await page.screenshot(artifact('campaigns-en'));

  await page.goto(`${baseURL}/hazards?status=open&level=major`);
  await page.waitFor(css('.ant-table-row a'), 'a major hazard');
  await page.click(css('.ant-table-row a'));
  await page.waitFor(css('[data-testid="hazard-timeline"] [data-testid="timeline-found"]'), 'the timeline');
  const hazard = await page.text();
  for (const label of ['Timeline', 'Hazard found', 'Treatment plan', 'Major hazard']) expect(hazard).toContain(label);
  await page.screenshot(artifact('hazard-en'));
  expect(page.errors).toEqual([]);
});
