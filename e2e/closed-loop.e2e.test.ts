import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { actionButton, artifact, chooseOption, confirmButton, dayFromNow, dialogClosed, login, pickDate, screenshotOnFailure } from './support/app.js';
import { Chromium } from './support/chromium.js';
import { byText, css, type Page } from './support/page.js';
import { photoFile } from './support/png.js';

const baseURL = inject('baseURL');
let browser: Chromium;

beforeAll(async () => {
  browser = await Chromium.launch();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.text(css('[data-testid="hazard-status"]'));

/** The dashboard's 动态清零 figure: hazards open now. */
async function openNow(page: Page): Promise<number> {
  await page.goto(`${baseURL}/`);
  await page.waitFor(css('[data-testid="open-now"]'), 'the open-hazards figure');
  return Number(await page.text(css('[data-testid="open-now"]')));
}

it('inspector records a hazard on the phone and issues a notice; the enterprise submits evidence; the re-check closes it and the open count drops', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const api = await ApiSession.login(baseURL, 'inspector');
  const sites = await api.get<{ items: { id: string; name: string }[] }>(`/api/subjects?type=construction_site&q=${encodeURIComponent('三江')}`);
  const site = sites.items[0]!;
  const hazardsAtSite = async () => (await api.get<{ total: number }>(`/api/hazards?subjectId=${site.id}&limit=1`)).total;
  const before = await hazardsAtSite();
  const beforePhoto = photoFile('before.png', [205, 60, 60]);
  const afterPhoto = photoFile('after.png', [60, 160, 90]);

  // The inspector's desk (dashboard, hazard page) and phone share one session.
  const inspector = await browser.newContext();
  const desk = await inspector.newPage();
  pages.push(desk);
  await login(desk, baseURL, 'inspector');
  const open0 = await openNow(desk);
  await desk.waitFor(css('[data-testid="trend-chart"] svg'), 'the trend chart');
  await desk.waitFor(css('[data-testid="briefing"]'), 'the campaign briefing');
  await desk.screenshot(artifact('dashboard-zh'));

  // 现场检查 on a phone: 三江化工's site, the first item fails with a photo, the rest pass.
  const phone = await inspector.newPage({ width: 390, height: 844, mobile: true });
  pages.push(phone);
  await phone.goto(`${baseURL}/m/inspect`);
  await phone.click(css('[data-testid="new-inspection"]'));
  await phone.waitFor('location.search.includes("draft=")', 'a new draft');
  const select = (n: number) => `document.querySelectorAll('.ant-card .ant-select')[${n}]`;
  await chooseOption(phone, select(0), '岁末年初安全生产大检查');
  await chooseOption(phone, select(1), '在建工地');
  await chooseOption(phone, select(2), site.name, '三江');
  await phone.waitFor(css('[data-testid="item-1"]'), 'the checklist');
  await phone.click(`document.querySelectorAll('[data-testid="item-1"] .ant-segmented-item')[1]`);
  await phone.setFiles(css('[data-testid="item-1"] input[type=file]'), [beforePhoto]);
  await phone.waitFor(`document.querySelector('[data-testid="item-1"] [data-testid="draft-photo"]')?.dataset.uploaded === 'true'`, 'the photo uploaded');
  await phone.click(byText('其余全部合格', 'button'));
  await phone.waitForText('已作答 13/13');
  await phone.screenshot(artifact('inspect-phone-zh'));

  // The network drops while the server answers: the draft stays queued on the phone...
  const lost = await phone.loseNextResponse('*/api/inspections', 'POST');
  await phone.click(css('[data-testid="submit-inspection"]'));
  await lost.done;
  await phone.waitForText('已保存在本机');
  await phone.screenshot(artifact('inspect-queued-zh'));
  expect(await hazardsAtSite()).toBe(before + 1);
  // ...and sending it again with the same Idempotency-Key records nothing twice.
  await phone.click(css('[data-testid="submit-inspection"]'));
  await phone.waitFor(css('[data-testid="raised-hazard"]'), 'the inspection to be sent');
  expect(await hazardsAtSite()).toBe(before + 1);
  const hazardPath = await phone.evaluate<string>(`document.querySelector('[data-testid="raised-hazard"]').getAttribute('href')`);
  expect(await openNow(desk)).toBe(open0 + 1);

  // 下达限期整改通知书 from the hazard page; the PDF is there to preview and download.
  await desk.goto(`${baseURL}${hazardPath}`);
  await desk.waitFor(actionButton('issue_notice'), 'the issue-notice action');
  const code = await desk.text(css('[data-testid="hazard-code"]'));
  await desk.click(actionButton('issue_notice'));
  await pickDate(desk, css('.ant-modal .ant-picker input'), dayFromNow(14));
  await desk.click(confirmButton);
  await dialogClosed(desk);
  await desk.waitFor(`document.querySelector('[data-testid="notices-card"]').innerText.includes('限期整改通知书')`, 'the notice listed');
  expect(await status(desk)).toContain('已下达通知');
  const pdf = await desk.evaluate<string>(`fetch(document.querySelector('[data-testid="notices-card"] a[download]').href).then((r) => r.status + ' ' + r.headers.get('content-type'))`);
  expect(pdf).toBe('200 application/pdf');
  await desk.click(byText('预览', '[data-testid="notices-card"] button'));
  await desk.waitFor(css('.ant-modal object[type="application/pdf"]'), 'the PDF preview');
  await new Promise((resolve) => setTimeout(resolve, 800)); // the PDF viewer draws after the dialog opens
  await desk.screenshot(artifact('notice-preview-zh'));
  await desk.click(css('.ant-modal-close'));
  await dialogClosed(desk);
  await desk.screenshot(artifact('hazard-noticed-zh'));

  // 三江化工 lands on 我的隐患, finds the hazard and submits its evidence.
  const enterprise = await browser.newContext();
  const portal = await enterprise.newPage();
  pages.push(portal);
  await login(portal, baseURL, 'sanjiang');
  await portal.waitFor('location.pathname === "/my"', 'the enterprise portal');
  await portal.waitForText(code);
  await portal.waitFor(`document.querySelector('[data-testid="my-notices"]').innerText.includes('限期整改通知书')`, 'the notice in the portal');
  await portal.screenshot(artifact('portal-zh'));
  await portal.click(byText(code, '[data-testid="my-hazards"] a'));
  await portal.waitFor(actionButton('submit'), 'the submit action');
  expect(await portal.count('[data-action]')).toBeLessThanOrEqual(2); // start_rectifying, submit: nothing of the regulator's
  await portal.click(actionButton('submit'));
  await portal.fill(css('.ant-modal #description'), '已组织全员佩戴安全帽,现场复核无误');
  await portal.setFiles(css('.ant-modal input[type=file]'), [afterPhoto]);
  await portal.waitFor(`document.querySelectorAll('.ant-modal .ant-upload-list-item-done').length === 1`, 'the after photo uploaded');
  await portal.screenshot(artifact('submit-evidence-zh'));
  await portal.click(confirmButton);
  await dialogClosed(portal);
  await portal.waitFor(`document.querySelector('[data-testid="hazard-status"]').innerText.includes('待复查')`, 'the hazard submitted');

  // The inspector re-checks on site and passes it: a general hazard is closed by the re-check.
  await desk.goto(`${baseURL}${hazardPath}`);
  await desk.waitFor(actionButton('recheck_pass'), 'the re-check action');
  await desk.click(actionButton('recheck_pass'));
  await desk.click(confirmButton);
  await dialogClosed(desk);
  await desk.waitFor(`document.querySelector('[data-testid="hazard-status"]').innerText.includes('已销号')`, 'the hazard closed');
  for (const step of ['found', 'issue_notice', 'submit', 'recheck_pass']) {
    await desk.waitFor(css(`[data-testid="timeline-${step}"]`), `the ${step} step in the timeline`);
  }
  expect(await desk.count('[data-testid="hazard-timeline"] img')).toBeGreaterThanOrEqual(2); // before and after
  await desk.screenshot(artifact('hazard-closed-zh'));

  expect(await openNow(desk)).toBe(open0);
  for (const page of [desk, phone, portal]) expect(page.errors).toEqual([]);
});
