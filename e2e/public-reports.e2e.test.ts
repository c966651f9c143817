import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { chooseOption, login, screenshot, screenshotOnFailure } from './support/app.js';
import { launchChromium, newContext, newPage, pageErrors, waitForText } from './support/browser.js';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

interface PublicRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
}

it('an inspector accepts a public report as a hazard, and the reporter sees it taken up', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  // A resident reports through Open311, as the public app or the 12345 hotline would.
  const description = `港龙花园7幢楼道燃气味很重 ${Date.now()}`;
  const posted = await fetch(`${baseURL}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service_code: 'gas-smell', description, address_string: '港龙花园7幢', lat: 30.612, long: 121.081, phone: '13800000000' }),
  });
  expect(posted.status).toBe(201);
  const id = ((await posted.json()) as PublicRequest[])[0]!.service_request_id;

  const context = await newContext(browser);
  const page = await newPage(context);
  pages.push(page);
  await login(page, baseURL, 'inspector');
  await page.locator('.ant-menu-item', { hasText: '群众举报' }).click();
  await page.waitForURL((url) => url.pathname === '/public-reports');
  await page.locator('tr', { hasText: description }).click();
  const drawer = page.getByTestId('public-report-drawer');
  await drawer.getByText('13800000000').waitFor();
  // A gas smell suggests a residential estate: the inspector finds the demo's estate by name.
  const subjects = await (await ApiSession.login(baseURL, 'inspector')).get<{ items: { id: string; name: string }[] }>('/api/subjects?type=residential_estate&limit=1');
  const subject = subjects.items[0]!;
  await chooseOption(page, drawer.locator('.ant-select').nth(1), subject.name, subject.name.slice(0, 4));
  await drawer.locator('label', { hasText: '重大隐患' }).click();
  await screenshot(page, 'public-report-triage-zh');
  await drawer.getByRole('button', { name: '受理并登记隐患' }).click();
  await waitForText(page, '已受理,隐患');

  // The hazard runs the closed loop like any other: its page names the public report as its source.
  const hazardLink = drawer.locator('a[href^="/hazards/"]');
  await hazardLink.click();
  await page.waitForURL((url) => url.pathname.startsWith('/hazards/'));
  await waitForText(page, description);
  await waitForText(page, '群众举报');

  // The reporter's view (Open311) says the report was taken up as a hazard.
  const status = (await (await fetch(`${baseURL}/open311/v2/requests/${id}.json`, { headers: { 'accept-language': 'zh-CN' } })).json()) as PublicRequest[];
  expect(status[0]).toMatchObject({ status: 'open', status_notes: '已受理,正在整改' });
  expect(pageErrors(page)).toEqual([]);
});
