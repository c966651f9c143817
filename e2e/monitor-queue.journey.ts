import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { VirtualTerminal } from '../tools/simulator/src/terminal.js';
import { ApiSession } from './support/api.js';
import { chooseOption, confirmButton, dialogClosed, login, screenshot, screenshotOnFailure } from './support/app.js';
import { newContext, newPage, pageErrors, waitForText } from './support/browser.js';
import { journeyPhones, terminalOf, until, type LiveContext, type OnTestFailed, type VehicleRow } from './support/live.js';

interface AlarmRow {
  id: string;
  plate: string;
  type: string;
  organisationId: string;
  status: string;
}

const FIXED_ACC = 0x1 | 0x2 | (1 << 18) | (1 << 19);

/**
 * Drives eastwards at 100 km/h (over every hazmat limit) with a fix every 2 s: a minute already past, then on in real
 * time until `stop` says so; positions are acknowledged only once stored.
 */
function speed(terminal: VirtualTerminal, lat: number): { stop: () => void } {
  const stepDeg = (100 / 3.6) * 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  let lon = 121.0;
  const at = (time: number) => {
    lon += stepDeg;
    terminal.report({ alarm: 0, status: FIXED_ACC, latitude: lat, longitude: lon, altitude: 4, speed: 100, direction: 90, time: new Date(time), items: { satellites: 12 } });
  };
  const start = Math.floor(Date.now() / 1000) * 1000 - 60_000;
  for (let t = start; t < Date.now(); t += 2000) at(t);
  const timer = setInterval(() => at(Math.floor(Date.now() / 1000) * 1000), 2000);
  return { stop: () => clearInterval(timer) };
}

/**
 * The monitor's journey on a real alarm: a terminal drives a demo vehicle over JT/T 808 (TCP) at 100 km/h, the rules
 * raise an overspeed alarm, and it appears in the open queue over the WebSocket; the monitor takes it through every
 * step, and the carrier sees only its own.
 */
export async function monitorQueueJourney(live: LiveContext, onTestFailed: OnTestFailed): Promise<void> {
  const { server, browser } = live;
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const monitorApi = await ApiSession.login(server.url, 'monitor');
  const carrierApi = await ApiSession.login(server.url, 'carrier');
  const own = (await carrierApi.get<{ items: VehicleRow[] }>('/api/vehicles?limit=500')).items;
  const all = (await monitorApi.get<{ items: VehicleRow[] }>('/api/vehicles?limit=500')).items;
  // Vehicles no other journey on this server drives.
  const free = (v: VehicleRow) => !Object.values<string>(journeyPhones).includes(v.terminalPhone);
  const mine = own.find(free)!;
  const foreign = all.find((v) => free(v) && v.organisationId !== mine.organisationId)!;
  expect(mine).toBeDefined();
  expect(foreign).toBeDefined();

  // The monitor opens the queue before anything happens, and waits for the live connection.
  const page = await newPage(await newContext(browser));
  pages.push(page);
  await login(page, server.url, 'monitor');
  await page.goto(`${server.url}/monitor/alarms`);
  await page.locator('[data-testid="alarm-live-status"]').filter({ hasText: '实时' }).waitFor();

  // Two terminals speed: one of the carrier's vehicles and one of another carrier's.
  const mineTerminal = await terminalOf(live, mine, 'EM00001');
  const drives = [speed(mineTerminal, 30.62), speed(await terminalOf(live, foreign, 'EM00002'), 30.64)];
  const overspeedOf = (v: VehicleRow) =>
    until(`the overspeed alarm of ${v.plate}`, async () =>
      (await monitorApi.get<{ items: AlarmRow[] }>(`/api/alarms?vehicleId=${v.id}&type=overspeed`)).items[0],
    );
  const [alarm, foreignAlarm] = await Promise.all([overspeedOf(mine), overspeedOf(foreign)]);
  for (const d of drives) d.stop();

  // It appears on top of the open queue without a reload, marked new and counted.
  const row = page.locator('[data-testid="alarm-queue"] tr[data-alarm-id]').filter({ hasText: mine.plate }).filter({ hasText: '超速' });
  await row.first().waitFor();
  await row.first().locator('[data-testid="alarm-new"]').waitFor();
  expect(Number(await page.locator('[data-testid="alarm-new-count"] .ant-badge-count').first().getAttribute('title'))).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'monitor-queue-live-zh');

  // The drawer: vehicle, figures, and exactly the server's steps.
  await row.first().click();
  const detail = page.locator('[data-testid="alarm-detail"]');
  await detail.waitFor();
  await waitForText(page, '最高车速');
  await waitForText(page, '100 km/h');
  expect(await page.locator('[data-testid="alarm-actions"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
    'acknowledge',
    'remind',
    'notify_carrier',
    'handle',
  ]);
  expect(await page.locator('[data-testid="alarm-map-link"]').getAttribute('href')).toBe(`/map?vehicle=${mine.id}`);

  await page.locator('[data-action="acknowledge"]').click();
  await confirmButton(page).click();
  await dialogClosed(page);
  await page.locator('[data-testid="alarm-detail"][data-alarm-status="acknowledged"]').waitFor();

  // Reminding the driver: the terminal is online and answers; the form starts with the standard text.
  await page.locator('[data-action="remind"]').click();
  expect(await page.locator('[data-testid="alarm-form-remind"] textarea').inputValue()).toBe('您已超速,请立即减速慢行');
  await confirmButton(page).click();
  await dialogClosed(page);
  await page.locator('[data-testid="remind-outcome"]').filter({ hasText: '终端已确认收到' }).waitFor();
  expect(mineTerminal.texts.map((x) => x.text)).toContain('您已超速,请立即减速慢行');
  await screenshot(page, 'monitor-alarm-reminded-zh');

  // The terminal goes offline: the next reminder is refused with the server's message, and recorded.
  await mineTerminal.close();
  await page.locator('[data-action="remind"]').click();
  await page.locator('[data-testid="alarm-form-remind"] textarea').fill('请在前方服务区停车休息');
  await confirmButton(page).click();
  await page.locator('.ant-modal .ant-alert-error').filter({ hasText: '车辆终端不在线,提醒未能下发(已记录),请电话联系驾驶员' }).waitFor();
  await page.locator('[data-testid="alarm-event-remind_failed"]').waitFor();
  await screenshot(page, 'monitor-alarm-remind-offline-zh');
  await page.locator('.ant-modal .ant-modal-close').click();
  await dialogClosed(page);

  // Handling needs a measure and a note.
  await page.locator('[data-action="handle"]').click();
  await chooseOption(page, page.locator('[data-testid="alarm-form-handle"] .ant-select'), '已责令驾驶员停车');
  await page.locator('[data-testid="alarm-form-handle"] textarea').fill('已电话联系驾驶员,在服务区停车休息');
  await confirmButton(page).click();
  await dialogClosed(page);
  await page.locator('[data-testid="alarm-detail"][data-alarm-status="handled"]').waitFor();

  // The carrier: its portal leads to its own alarms; another carrier's alarm is not there, nor by URL.
  const carrierPage = await newPage(await newContext(browser));
  pages.push(carrierPage);
  await login(carrierPage, server.url, 'carrier');
  await carrierPage.waitForURL((url) => url.pathname === '/my');
  await carrierPage.locator('[data-testid="my-vehicles"] a[href="/my/alarms"]').click();
  await carrierPage.waitForURL((url) => url.pathname === '/my/alarms');
  const carrierRows = carrierPage.locator('[data-testid="alarm-queue"] tr[data-alarm-id]');
  await carrierRows.filter({ hasText: mine.plate }).first().waitFor();
  const shown = await carrierRows.evaluateAll((els) => els.map((e) => e.getAttribute('data-alarm-id')));
  expect(shown).toContain(alarm.id);
  expect(shown).not.toContain(foreignAlarm.id);
  expect(await carrierPage.locator('[data-testid="alarm-queue"]').innerText()).not.toContain(foreign.plate);
  const ownPlates = new Set(own.map((v) => v.plate));
  const rowPlates = await carrierRows.evaluateAll((els) => els.map((e) => (e.querySelector('a') as HTMLElement | null)?.innerText ?? ''));
  expect(rowPlates.every((plate) => ownPlates.has(plate))).toBe(true);
  expect(await carrierPage.evaluate((id) => fetch(`/api/alarms/${id}`).then((r) => r.status), foreignAlarm.id)).toBe(404);
  await screenshot(carrierPage, 'carrier-alarms-zh');

  // The carrier may only add its own handling (never close); the server's list says so.
  await carrierPage.locator(`[data-testid="alarm-queue"] tr[data-alarm-id="${alarm.id}"]`).click();
  await carrierPage.locator('[data-testid="alarm-detail"]').waitFor();
  expect(await carrierPage.locator('[data-testid="alarm-actions"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['handle']);
  await carrierPage.locator('[data-action="handle"]').click();
  await chooseOption(carrierPage, carrierPage.locator('[data-testid="alarm-form-handle"] .ant-select'), '已教育培训');
  await carrierPage.locator('[data-testid="alarm-form-handle"] textarea').fill('已对驾驶员进行安全教育,扣减当月安全绩效');
  await confirmButton(carrierPage).click();
  await dialogClosed(carrierPage);
  await carrierPage.locator('[data-testid="alarm-history"]').filter({ hasText: '由运输企业登记' }).waitFor();
  await screenshot(carrierPage, 'carrier-alarm-handled-zh');
  await carrierPage.goto(`${server.url}/monitor/alarms`);
  await waitForText(carrierPage, '无权访问');

  // The monitor closes it; the history holds every step in order.
  await page.locator('[data-action="close"]').click();
  await confirmButton(page).click();
  await dialogClosed(page);
  await page.locator('[data-testid="alarm-detail"][data-alarm-status="closed"]').waitFor();
  // The workflow's steps in order (the rules may add their own events, e.g. a severity raised on the way).
  const steps = ['raised', 'acknowledged', 'reminded', 'remind_failed', 'carrier_notified', 'handled', 'closed'].map((k) => `alarm-event-${k}`);
  const history = await page.locator('[data-testid="alarm-history"] [data-testid^="alarm-event-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(history.filter((id) => steps.includes(id ?? ''))).toEqual([
    'alarm-event-raised',
    'alarm-event-acknowledged',
    'alarm-event-reminded',
    'alarm-event-remind_failed',
    'alarm-event-handled',
    'alarm-event-handled',
    'alarm-event-closed',
  ]);
  expect(await page.locator('[data-testid="alarm-actions"]').count()).toBe(0);
  await screenshot(page, 'monitor-alarm-closed-zh');
  const stored = await monitorApi.get<AlarmRow & { handling: string }>(`/api/alarms/${alarm.id}`);
  expect(stored).toMatchObject({ status: 'closed', handling: '已对驾驶员进行安全教育,扣减当月安全绩效' });

  // English is complete on the queue too.
  await page.goto(`${server.url}/monitor/alarms?status=done`);
  await page.locator('.ant-segmented-item', { hasText: 'English' }).click();
  await waitForText(page, 'Alarm handling');
  await page.locator(`[data-testid="alarm-queue"] tr[data-alarm-id="${alarm.id}"]`).waitFor();
  const english = await page.locator('body').innerText();
  for (const label of ['Alarm handling', 'Severity', 'Overspeed', 'Closed', 'New alarms', 'Live']) expect(english).toContain(label);
  expect(english).not.toContain('报警处置');
  await screenshot(page, 'monitor-alarms-en');

  expect(pageErrors(page)).toEqual([]);
  expect(pageErrors(carrierPage)).toEqual([]);
}
