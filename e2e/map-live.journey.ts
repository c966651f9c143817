import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ApiSession } from './support/api.js';
import { login, screenshot, screenshotOnFailure } from './support/app.js';
import { newContext, newPage, pageErrors } from './support/browser.js';
import { clickVehicleAt, countOnMap, journeyPhones, pixelOf, terminalOf, type LiveContext, type OnTestFailed, type VehicleRow } from './support/live.js';

/** A terminal reports over real TCP, the vehicle appears on the live map, moves, opens its panel, plays back. */
export async function mapLiveJourney(live: LiveContext, onTestFailed: OnTestFailed): Promise<void> {
  const { server, browser } = live;
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const monitor = await ApiSession.login(server.url, 'monitor');
  const fleet = await monitor.get<{ items: VehicleRow[] }>('/api/vehicles?limit=500');
  const vehicle = fleet.items.find((v) => v.terminalPhone === journeyPhones.mapDrive)!;
  const { id: vehicleId, plate } = vehicle;

  // 港区东路 → 乍浦港码头, one of the simulator's roads on the demo base map; device times of the last minutes.
  const from: [number, number] = [121.12, 30.595];
  const to: [number, number] = [121.102, 30.589];
  const t0 = Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000;
  const terminal = await terminalOf(live, vehicle, 'E2EMAP1');
  const report = (k: number, [lon, lat]: [number, number], speed: number) =>
    terminal.report({ latitude: lat, longitude: lon, speed, direction: 250, time: new Date(t0 + k * 10_000), status: 0x3 });
  report(0, from, 0);
  await terminal.settle();

  const context = await newContext(browser);
  const page = await newPage(context);
  pages.push(page);
  await login(page, server.url, 'monitor');
  await page.goto(`${server.url}/map`);
  const map = page.getByTestId('vehicle-map');
  await page.getByTestId('map-legend').waitFor();
  // Vehicles alone: the overlays (subjects, hazards, zones, routes) have their own journey, and a click on one of
  // them opens its popup or zooms into its cluster instead of telling whether a vehicle is there.
  for (const layer of ['subjects', 'hazards', 'zones', 'routes']) {
    const box = page.locator(`input[data-testid="layer-${layer}"], [data-testid="layer-${layer}"] input[type=checkbox]`);
    await box.uncheck();
    expect(await box.isChecked()).toBe(false);
  }
  // It appears, parked (the demo data may park other vehicles elsewhere).
  await expect.poll(() => countOnMap(page, 'stopped'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('open');

  // Parked at 港区东路: click it, the panel names it.
  await clickVehicleAt(page, map, from);
  expect(await page.getByTestId('vehicle-plate').innerText()).toBe(plate);

  // It drives to the wharf over the live WebSocket; the open panel follows it.
  const steps = 10;
  for (let k = 1; k <= steps; k++) {
    const f = k / steps;
    report(k, [from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f], k === steps ? 0 : 38);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await terminal.settle();
  const last = new Date(t0 + steps * 10_000 + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  await expect.poll(() => page.getByTestId('vehicle-time').innerText(), { timeout: 30_000 }).toBe(last);
  await expect.poll(() => page.getByTestId('vehicle-panel').innerText()).toContain('30.58900');

  // On the map it is at the wharf now, and no longer where it was parked.
  await page.getByTestId('vehicle-panel').getByRole('button', { name: '关闭' }).click();
  await clickVehicleAt(page, map, to);
  expect(await page.getByTestId('vehicle-plate').innerText()).toBe(plate);
  await screenshot(page, 'map-live-zh');
  await page.getByTestId('vehicle-panel').getByRole('button', { name: '关闭' }).click();
  const parked = await pixelOf(map, from);
  await page.mouse.click(parked.x, parked.y);
  await page.waitForTimeout(1500);
  expect(await page.getByTestId('vehicle-panel').count()).toBe(0);

  // 轨迹回放 of the last two hours: the drive is there, point for point.
  await clickVehicleAt(page, map, to);
  await page.getByTestId('playback-start').click();
  const bar = page.getByTestId('playback-bar');
  await bar.waitFor({ timeout: 30_000 });
  expect(await bar.innerText()).toMatch(/(共 11 个定位点|显示 \d+ \/ 11 个定位点)/);
  await bar.getByRole('button', { name: '播放' }).click();
  await expect.poll(() => page.getByTestId('playback-time').innerText(), { timeout: 30_000 }).toBe(last);
  await screenshot(page, 'map-playback-zh');

  // The alarm queue and the vehicle list link to /map?vehicle=<id>: the panel opens on that vehicle.
  await page.goto(`${server.url}/map?vehicle=${vehicleId}`);
  await expect.poll(() => page.getByTestId('vehicle-plate').innerText(), { timeout: 30_000 }).toBe(plate);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
}
