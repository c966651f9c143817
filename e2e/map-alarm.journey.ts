import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ApiSession } from './support/api.js';
import { confirmButton, dialogClosed, login, screenshot, screenshotOnFailure } from './support/app.js';
import { newContext, newPage, pageErrors } from './support/browser.js';
import { clickVehicleAt, countOnMap, journeyPhones, terminalOf, until, type LiveContext, type OnTestFailed, type VehicleRow } from './support/live.js';

interface AlarmRow {
  id: string;
  type: string;
  subtype: string | null;
  status: string;
  acknowledgedAt: string | null;
}
interface AlarmDetailRow extends AlarmRow {
  events: { type: string; actorId: string | null; payload: unknown }[];
}

/** JT/T 808 alarm flag bit 0: the driver pressed the emergency button (紧急报警). Status: ACC on, position fixed. */
const EMERGENCY = 1 << 0;
const ACC_FIXED = 0x3;

/**
 * 在实时地图上受理报警: a tanker parked at the chemical park's east gate raises an emergency alarm over JT/T 808; the
 * monitor opens the live map from the menu, clicks the vehicle (drawn in alarm), and acknowledges the alarm in the
 * vehicle panel with the alarm queue's own form. The panel, the server and the alarm queue all say it is acknowledged.
 */
export async function mapAlarmJourney(live: LiveContext, onTestFailed: OnTestFailed): Promise<void> {
  const { server, browser } = live;
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const monitorApi = await ApiSession.login(server.url, 'monitor');
  const me = await monitorApi.get<{ user: { id: string } }>('/api/auth/me');
  const fleet = await monitorApi.get<{ items: VehicleRow[] }>('/api/vehicles?limit=500');
  const vehicle = fleet.items.find((v) => v.terminalPhone === journeyPhones.mapAlarm)!;

  // 化工园区东门: one report with the emergency bit set raises a critical terminal alarm at once.
  const gate: [number, number] = [121.07, 30.615];
  const terminal = await terminalOf(live, vehicle, 'E2EMAP2');
  terminal.report({ alarm: EMERGENCY, status: ACC_FIXED, latitude: gate[1], longitude: gate[0], speed: 0, direction: 0, time: new Date(Math.floor(Date.now() / 1000) * 1000 - 30_000) });
  await terminal.settle();
  const alarm = await until('the emergency alarm', async () =>
    (await monitorApi.get<{ items: AlarmRow[] }>(`/api/alarms?vehicleId=${vehicle.id}&type=device`)).items.find((a) => a.subtype === 'emergency'),
  );
  expect(alarm.status).toBe('open');

  // The monitor opens the live map from the menu; the vehicle is drawn in alarm, and a click opens its panel.
  const context = await newContext(browser);
  const page = await newPage(context);
  pages.push(page);
  await login(page, server.url, 'monitor');
  await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: '车辆地图' }).click();
  await page.waitForURL((url) => url.pathname === '/map');
  await page.getByTestId('map-legend').waitFor();
  await expect.poll(() => countOnMap(page, 'alarm'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await clickVehicleAt(page, page.getByTestId('vehicle-map'), gate);
  expect(await page.getByTestId('vehicle-plate').innerText()).toBe(vehicle.plate);

  // The panel lists the alarm, open, with exactly the steps the server offers a monitor.
  const item = page.locator(`[data-testid="vehicle-alarm"][data-alarm-id="${alarm.id}"]`);
  const actions = () => item.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  await item.waitFor();
  expect(await item.getAttribute('data-alarm-status')).toBe('open');
  expect(await item.innerText()).toContain('终端报警 · 紧急报警');
  await expect.poll(actions, { timeout: 30_000 }).toEqual(['acknowledge', 'remind', 'notify_carrier', 'handle']);
  await screenshot(page, 'map-alarm-open-zh');

  // 受理, with a note, in the queue's own form.
  const note = '已电话联系驾驶员,正在核实紧急报警原因';
  await item.locator('[data-action="acknowledge"]').click();
  await page.locator('.ant-modal .ant-modal-title').filter({ hasText: `受理 · ${vehicle.plate}` }).waitFor();
  await page.locator('[data-testid="alarm-form-acknowledge"] textarea').fill(note);
  await confirmButton(page).click();
  await dialogClosed(page);

  // The panel shows it acknowledged, with the next steps.
  await page.locator(`[data-testid="vehicle-alarm"][data-alarm-id="${alarm.id}"][data-alarm-status="acknowledged"]`).waitFor();
  expect(await item.locator('[data-status]').innerText()).toBe('已受理');
  await expect.poll(actions).toEqual(['remind', 'notify_carrier', 'handle', 'close']);
  await screenshot(page, 'map-alarm-acknowledged-zh');

  // The server has it: acknowledged by this monitor, the note in the alarm's history.
  const stored = await monitorApi.get<AlarmDetailRow>(`/api/alarms/${alarm.id}`);
  expect(stored.status).toBe('acknowledged');
  expect(stored.acknowledgedAt).not.toBeNull();
  expect(stored.events.filter((e) => e.type === 'alarm.acknowledged')).toMatchObject([{ actorId: me.user.id, payload: { note } }]);

  // So does the alarm queue: the panel's link opens the alarm there, acknowledged, and its row says so.
  await item.getByTestId('vehicle-alarm-open').click();
  await page.waitForURL((url) => url.pathname === '/monitor/alarms' && url.searchParams.get('alarm') === alarm.id);
  await page.locator('[data-testid="alarm-detail"][data-alarm-status="acknowledged"]').waitFor();
  await page.locator('[data-testid="alarm-history"] [data-testid="alarm-event-acknowledged"]').filter({ hasText: note }).waitFor();
  await page.locator(`[data-testid="alarm-queue"] tr[data-alarm-id="${alarm.id}"] [data-status="acknowledged"]`).waitFor();
  await screenshot(page, 'map-alarm-queue-zh');
  expect(pageErrors(page)).toEqual([]);
  await context.close();
}
