import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { VirtualTerminal } from '../tools/simulator/src/terminal.js';
import { ApiSession } from './support/api.js';
import { login, screenshot, screenshotOnFailure } from './support/app.js';
import { launchChromium, newContext, newPage, pageErrors } from './support/browser.js';
import { startDemoServer, type DemoServer } from './support/server.js';

/**
 * The live map against a server that runs its JT/T 808 gateway (the shared journey server has it off): a virtual
 * terminal reports over real TCP, the vehicle appears on the map, moves, and opens its panel when clicked.
 */

let server: DemoServer;
let browser: Browser;
let terminal: VirtualTerminal | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer({ gateway: true, timeoutMs: 280_000 }), launchChromium()]);
});
afterAll(async () => {
  terminal?.destroy();
  await browser?.close();
  await server?.stop();
});

/** Where the map (opening on the district: 121.09 E 30.622 N, zoom 12, 512-px tiles) draws a place, in page pixels. */
async function pixelOf(map: Locator, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  const world = 512 * 2 ** 12;
  const mercator = (lo: number, la: number) => [((lo + 180) / 360) * world, ((1 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / Math.PI) / 2) * world];
  const [cx, cy] = mercator(121.09, 30.622);
  const [x, y] = mercator(lon, lat);
  const box = (await map.boundingBox())!;
  return { x: box.x + box.width / 2 + x! - cx!, y: box.y + box.height / 2 + y! - cy! };
}

/** Clicks a place on the map until the vehicle panel opens there (the map draws a moment after the data arrives). */
async function clickVehicleAt(page: Page, map: Locator, place: [number, number]): Promise<void> {
  const panel = page.getByTestId('vehicle-panel');
  const { x, y } = await pixelOf(map, place);
  for (const end = Date.now() + 30_000; Date.now() < end; ) {
    await page.mouse.click(x, y);
    if (await panel.waitFor({ timeout: 1500 }).then(() => true, () => false)) return;
  }
  throw new Error(`no vehicle to click at ${place.join(', ')}`);
}

const count = (page: Page, state: string) => page.getByTestId(`count-${state}`).getAttribute('data-count').then(Number);

it('a vehicle reporting over JT/T 808 appears on the live map, moves, and opens its panel when clicked', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const monitor = await ApiSession.login(server.url, 'monitor');
  const fleet = await monitor.get<{ items: { id: string; plate: string; terminalPhone: string }[] }>('/api/vehicles?limit=500');
  const phone = '013800000001';
  const { id: vehicleId, plate } = fleet.items.find((v) => v.terminalPhone === phone)!;

  // 港区东路 → 乍浦港码头, one of the simulator's roads on the demo base map; device times of the last minutes.
  const from: [number, number] = [121.12, 30.595];
  const to: [number, number] = [121.102, 30.589];
  const t0 = Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000;
  terminal = new VirtualTerminal({ host: '127.0.0.1', port: server.jt808Port!, phone, plate, terminalId: 'E2EMAP1' });
  await terminal.connect();
  await terminal.login();
  const report = (k: number, [lon, lat]: [number, number], speed: number) =>
    terminal!.report({ latitude: lat, longitude: lon, speed, direction: 250, time: new Date(t0 + k * 10_000), status: 0x3 });
  report(0, from, 0);
  await terminal.settle();

  const context = await newContext(browser);
  const page = await newPage(context);
  pages.push(page);
  await login(page, server.url, 'monitor');
  await page.goto(`${server.url}/map`);
  const map = page.getByTestId('vehicle-map');
  await page.getByTestId('map-legend').waitFor();
  // It appears, parked (the demo data may park other vehicles elsewhere).
  await expect.poll(() => count(page, 'stopped'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
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
});
