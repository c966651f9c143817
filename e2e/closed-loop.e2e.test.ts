import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { actionButton, chooseOption, confirmButton, dayFromNow, dialogClosed, login, pickDate, screenshot, screenshotOnFailure } from './support/app.js';
import { launchChromium, loseNextResponse, newContext, newPage, pageErrors, phone as phoneDevice, waitForText } from './support/browser.js';
import { photo } from './support/png.js';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.getByTestId('hazard-status').innerText();

/** The dashboard's 动态清零 figure: hazards open now. */
async function openNow(page: Page): Promise<number> {
  await page.goto(`${baseURL}/`);
  return Number(await page.getByTestId('open-now').innerText());
}

it('inspector records a hazard on the phone and issues a notice; the enterprise submits evidence; the re-check closes it and the open count drops', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const api = await ApiSession.login(baseURL, 'inspector');
  const sites = await api.get<{ items: { id: string; name: string }[] }>(`/api/subjects?type=construction_site&q=${encodeURIComponent('三江')}`);
  const site = sites.items[0]!;
  const hazardsAtSite = async () => (await api.get<{ total: number }>(`/api/hazards?subjectId=${site.id}&limit=1`)).total;
  const before = await hazardsAtSite();
  const beforePhoto = photo('before.png', [205, 60, 60]);
  const afterPhoto = photo('after.png', [60, 160, 90]);

  // The inspector's desk (dashboard, hazard page) and phone share one session (the desk's cookie goes to the phone).
  const inspector = await newContext(browser);
  const desk = await newPage(inspector);
  pages.push(desk);
  await login(desk, baseURL, 'inspector');
  const open0 = await openNow(desk);
  await desk.locator('[data-testid="trend-chart"] svg').first().waitFor();
  await desk.getByTestId('briefing').waitFor();
  await screenshot(desk, 'dashboard-zh');

  // 现场检查 on a phone: 三江化工's site, the first item fails with a photo, the rest pass.
  const handset = await newContext(browser, { ...phoneDevice, storageState: await inspector.storageState() });
  const phone = await newPage(handset);
  pages.push(phone);
  await phone.goto(`${baseURL}/m/inspect`);
  await phone.getByTestId('new-inspection').click();
  await phone.waitForURL((url) => url.searchParams.has('draft'));
  const select = (n: number) => phone.locator('.ant-card .ant-select').nth(n);
  await chooseOption(phone, select(0), '岁末年初安全生产大检查');
  await chooseOption(phone, select(1), '在建工地');
  await chooseOption(phone, select(2), site.name, '三江');
  const item1 = phone.getByTestId('item-1');
  await item1.locator('.ant-segmented-item').nth(1).click();
  await item1.locator('input[type=file]').setInputFiles(beforePhoto);
  await item1.locator('[data-testid="draft-photo"][data-uploaded="true"]').waitFor();
  await phone.getByRole('button', { name: '其余全部合格' }).click();
  await waitForText(phone, '已作答 13/13');
  await screenshot(phone, 'inspect-phone-zh');

  // The network drops while the server answers: the draft stays queued on the phone...
  const lost = await loseNextResponse(phone, '**/api/inspections', 'POST');
  await phone.getByTestId('submit-inspection').click();
  await lost.done;
  await waitForText(phone, '已保存在本机');
  await screenshot(phone, 'inspect-queued-zh');
  expect(await hazardsAtSite()).toBe(before + 1);
  // ...and sending it again with the same Idempotency-Key records nothing twice.
  await phone.getByTestId('submit-inspection').click();
  const raised = phone.getByTestId('raised-hazard');
  await raised.waitFor();
  expect(await hazardsAtSite()).toBe(before + 1);
  const hazardPath = await raised.getAttribute('href');
  expect(hazardPath).toMatch(/^\/hazards\//);
  expect(await openNow(desk)).toBe(open0 + 1);

  // 下达限期整改通知书 from the hazard page; the PDF is there to preview and download.
  await desk.goto(`${baseURL}${hazardPath}`);
  const code = await desk.getByTestId('hazard-code').innerText();
  await actionButton(desk, 'issue_notice').click();
  const deadlineInput = desk.locator('.ant-modal .ant-picker input');
  await pickDate(desk, deadlineInput, dayFromNow(14));
  // Enter in the deadline field confirms the date and nothing more: no notice leaves before 下达 is pressed.
  let noticesPosted = 0;
  desk.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/notices') && noticesPosted++));
  await deadlineInput.press('Enter');
  await desk.waitForTimeout(500);
  expect(noticesPosted).toBe(0);
  await confirmButton(desk).click();
  await dialogClosed(desk);
  const notices = desk.getByTestId('notices-card');
  await notices.filter({ hasText: '限期整改通知书' }).waitFor();
  expect(await status(desk)).toContain('已下达通知');
  const pdf = await notices
    .locator('a[download]')
    .evaluate((a: HTMLAnchorElement) => fetch(a.href).then((r) => `${r.status} ${r.headers.get('content-type')}`));
  expect(pdf).toBe('200 application/pdf');
  const pdfRequested = desk.waitForRequest(/\/api\/notices\/[^/]+\/pdf$/); // the preview loads the PDF
  await notices.getByRole('button', { name: '预览' }).click();
  await desk.locator('.ant-modal object[type="application/pdf"]').waitFor();
  await pdfRequested;
  await screenshot(desk, 'notice-preview-zh');
  await desk.locator('.ant-modal-close').click();
  await dialogClosed(desk);
  await screenshot(desk, 'hazard-noticed-zh');

  // 三江化工 lands on 我的隐患, finds the hazard and submits its evidence.
  const enterprise = await newContext(browser);
  const portal = await newPage(enterprise);
  pages.push(portal);
  await login(portal, baseURL, 'sanjiang');
  await portal.waitForURL((url) => url.pathname === '/my');
  await waitForText(portal, code);
  await portal.getByTestId('my-notices').filter({ hasText: '限期整改通知书' }).waitFor();
  await screenshot(portal, 'portal-zh');
  await portal.getByTestId('my-hazards').locator('a', { hasText: code }).click();
  await actionButton(portal, 'submit').waitFor();
  expect(await portal.locator('[data-action]').count()).toBeLessThanOrEqual(2); // start_rectifying, submit: nothing of the regulator's
  await actionButton(portal, 'submit').click();
  await portal.locator('.ant-modal #description').fill('已组织全员佩戴安全帽,现场复核无误');
  await portal.locator('.ant-modal input[type=file][capture]').setInputFiles(afterPhoto); // the after-photos (camera), not the documents
  await portal.locator('.ant-modal .ant-upload-list-item-done').waitFor(); // exactly one: a second would break strictness
  await screenshot(portal, 'submit-evidence-zh');
  await confirmButton(portal).click();
  await dialogClosed(portal);
  await portal.getByTestId('hazard-status').filter({ hasText: '待复查' }).waitFor();

  // The inspector re-checks on site and passes it: a general hazard is closed by the re-check.
  await desk.goto(`${baseURL}${hazardPath}`);
  await actionButton(desk, 'recheck_pass').click();
  await confirmButton(desk).click();
  await dialogClosed(desk);
  await desk.getByTestId('hazard-status').filter({ hasText: '已销号' }).waitFor();
  for (const step of ['found', 'issue_notice', 'submit', 'recheck_pass']) {
    await desk.getByTestId(`timeline-${step}`).waitFor();
  }
  expect(await desk.locator('[data-testid="hazard-timeline"] img').count()).toBeGreaterThanOrEqual(2); // before and after
  await screenshot(desk, 'hazard-closed-zh');

  expect(await openNow(desk)).toBe(open0);
  for (const page of [desk, phone, portal]) expect(pageErrors(page)).toEqual([]);
});
