import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { login, menuLabels, screenshot, screenshotOnFailure } from './support/app.js';
import { launchChromium, newContext, newPage, pageErrors } from './support/browser.js';

/*
 * 区域管理 in the browser, on the shared journey server (no gateway needed): an administrator draws a restricted
 * zone by clicking its corners on the map; the server refuses half a night window on the missing field; saved, the
 * zone is in the list and the API holds it as a closed WGS-84 polygon around the place drawn; dragging one corner
 * moves that corner only. Only those the API lets draw zones see the menu entries.
 */

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const menuEntry = (page: Page, label: string) => page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: label });

/** The box of an element once it has stopped moving (the drawer slides in). */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await locator.boundingBox();
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await locator.boundingBox();
    if (last && next && next.x === last.x && next.y === last.y && next.width === last.width) return next;
    last = next;
  }
  throw new Error('the map kept moving');
}

/** Types a time into an antd time picker and leaves it with Tab (Enter would submit the form). */
async function pickTime(page: Page, input: Locator, time: string): Promise<void> {
  await input.click();
  await input.fill(time);
  await input.press('Tab');
  await page.locator('.ant-picker-dropdown').filter({ visible: true }).first().waitFor({ state: 'hidden' }).catch(() => undefined);
  expect(await input.inputValue()).toBe(time);
}

interface ZoneJson {
  id: string;
  name: string;
  kind: string;
  active: boolean;
  nightFrom: string | null;
  nightTo: string | null;
  geometry: { type: string; coordinates: [number, number][][] };
}

it('an administrator draws a restricted zone on the map, saves it and finds it in the list and the API', async ({ onTestFailed }) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const page = await newPage(await newContext(browser));
  pages.push(page);
  await login(page, baseURL, 'admin');
  await menuEntry(page, '区域管理').waitFor();
  const menu = await menuLabels(page);
  expect(menu).toContain('区域管理');
  expect(menu).toContain('审批路线');

  await menuEntry(page, '区域管理').click();
  await page.waitForURL((url) => url.pathname === '/admin/zones');
  await page.getByTestId('zone-create').click();
  const field = page.getByTestId('geometry-field');
  await field.and(page.locator('[data-ready=true]')).waitFor();
  // Four corners around the map's centre, then the first again to close the ring.
  const box = await settledBox(page.getByTestId('geo-draw-map'));
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const corners: [number, number][] = [[-90, -60], [90, -70], [100, 60], [-80, 70], [-90, -60]];
  for (const [dx, dy] of corners) {
    await page.mouse.click(cx + dx, cy + dy);
    await page.waitForTimeout(150);
  }
  await expect.poll(() => field.getAttribute('data-drawn'), { timeout: 10_000 }).toBe('true');

  const name = `E2E 禁行区域 ${Date.now()}`;
  const form = page.getByTestId('zone-form');
  await form.locator('#name').fill(name);
  // Half a night window: the server refuses it, and says so on the missing field.
  await pickTime(page, form.locator('#nightFrom'), '22:00');
  await page.getByTestId('zone-save').click();
  const nightTo = form.locator('.ant-form-item').filter({ has: page.locator('#nightTo') });
  await expect.poll(() => nightTo.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual([expect.stringContaining('nightTo')]);
  await form.locator('.ant-alert-error').waitFor();
  await pickTime(page, form.locator('#nightTo'), '06:00');
  await expect.poll(() => nightTo.locator('.ant-form-item-explain-error').count()).toBe(0);
  await screenshot(page, 'admin-zone-draw-zh');
  await page.getByTestId('zone-save').click();
  await page.getByTestId('zone-form').waitFor({ state: 'detached' });
  const row = page.getByTestId('zones').locator('tr').filter({ hasText: name });
  await row.waitFor();
  expect(await row.innerText()).toContain('禁行区域');
  await page.getByTestId('zone-name-filter').locator('input').fill(name.slice(-13));
  await expect.poll(() => page.getByTestId('zones').locator('tbody tr.ant-table-row').count()).toBe(1);
  await screenshot(page, 'admin-zones-zh');

  // The server holds it: a closed WGS-84 ring of the four corners, around the place the map opened on.
  const admin = await ApiSession.login(baseURL, 'admin');
  const config = await admin.get<{ center: [number, number] }>('/api/map/config');
  const { items } = await admin.get<{ items: ZoneJson[] }>('/api/zones?kind=restricted&active=true');
  const saved = items.find((z) => z.name === name);
  expect(saved).toBeDefined();
  expect(saved!.geometry.type).toBe('Polygon');
  const ring = saved!.geometry.coordinates[0]!;
  expect(ring).toHaveLength(5);
  expect(ring[4]).toEqual(ring[0]);
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  expect(Math.min(...lons)).toBeLessThan(config.center[0]);
  expect(Math.max(...lons)).toBeGreaterThan(config.center[0]);
  expect(Math.min(...lats)).toBeLessThan(config.center[1]);
  expect(Math.max(...lats)).toBeGreaterThan(config.center[1]);
  expect([saved!.nightFrom, saved!.nightTo]).toEqual(['22:00', '06:00']);

  // Edit: the map opens on the zone (fitted, 60 px padding); drag its south-east corner a little further out.
  await row.getByTestId('zone-edit').click();
  await page.getByTestId('geometry-field').and(page.locator('[data-ready=true]')).waitFor();
  const editBox = await settledBox(page.getByTestId('geo-draw-map'));
  await page.waitForTimeout(300);
  // The drawn box spans 190 × 140 px around (+5, 0); fitted into the map's height less the padding, the corner
  // drawn at (+100, +60) sits at scale × (95, 60) from the centre.
  const scale = (editBox.height - 120) / 140;
  const corner = { x: editBox.x + editBox.width / 2 + 95 * scale, y: editBox.y + editBox.height / 2 + 60 * scale };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(corner.x + 40, corner.y + 30, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  await page.getByTestId('zone-save').click();
  await page.getByTestId('zone-form').waitFor({ state: 'detached' });
  const edited = await admin.get<ZoneJson>(`/api/zones/${saved!.id}`);
  const after = edited.geometry.coordinates[0]!;
  expect(after).toHaveLength(5);
  expect(after[4]).toEqual(after[0]);
  // One corner moved (south-east: further east, further south); the other three stayed where they were.
  const changed = [0, 1, 2, 3].filter((i) => after[i]![0] !== ring[i]![0] || after[i]![1] !== ring[i]![1]);
  expect(changed).toHaveLength(1);
  const i = changed[0]!;
  expect(ring[i]![0]).toBe(Math.max(...lons));
  expect(after[i]![0]).toBeGreaterThan(ring[i]![0]);
  expect(after[i]![1]).toBeLessThan(ring[i]![1]);
  expect([edited.name, edited.nightFrom, edited.nightTo]).toEqual([name, '22:00', '06:00']);
  expect(pageErrors(page)).toEqual([]);
});

it('shows the zone and route pages only to those the API lets draw them', async () => {
  const page = await newPage(await newContext(browser));
  await login(page, baseURL, 'inspector');
  await menuEntry(page, '我的账号').waitFor();
  expect(await menuLabels(page)).not.toContain('区域管理');
  await page.goto(`${baseURL}/admin/zones`);
  await page.getByText('无权访问').waitFor();
});
