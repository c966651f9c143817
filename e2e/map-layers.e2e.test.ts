import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ApiSession } from './support/api.js';
import { login, screenshot, screenshotOnFailure } from './support/app.js';
import { launchChromium, newContext, newPage, pageErrors } from './support/browser.js';
import { pixelOf } from './support/live.js';

/*
 * The live map's other layers (zones, approved routes, subjects by risk colour, open hazards) on the shared demo
 * server: they need no vehicles, so no gateway of their own.
 */

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it('draws zones, routes, subjects and open hazards, with a layer switcher remembered on this device', async ({
  onTestFailed,
}) => {
  const pages: Page[] = [];
  screenshotOnFailure(onTestFailed, () => pages);
  const monitor = await ApiSession.login(baseURL, 'monitor');
  const features = await monitor.get<{ subjects: unknown[]; zones: { name: string }[] }>('/api/map/features');
  expect(features.zones.length).toBeGreaterThan(0);
  expect(features.subjects.length).toBeGreaterThan(0);

  const page = await newPage(await newContext(browser));
  pages.push(page);
  await login(page, baseURL, 'monitor');
  await page.goto(`${baseURL}/map`);
  const layerCount = (layer: string) =>
    page.getByTestId(`layer-count-${layer}`).getAttribute('data-count').then(Number);
  await expect.poll(() => layerCount('zones'), { timeout: 30_000 }).toBe(features.zones.length);
  expect(await layerCount('subjects')).toBe(features.subjects.length);

  // Subjects and hazards off: the choice survives a reload.
  await page.getByTestId('layer-subjects').uncheck();
  await page.getByTestId('layer-hazards').uncheck();
  await page.reload();
  await page.getByTestId('layer-switcher').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('layer-subjects').isChecked()).toBe(false);
  expect(await page.getByTestId('layer-hazards').isChecked()).toBe(false);
  expect(await page.getByTestId('layer-zones').isChecked()).toBe(true);

  // 山鑫花园, a restricted zone of the demo data: a click inside it names it (the map draws a moment after the data).
  const zone = '山鑫花园(演示)';
  expect(features.zones.map((z) => z.name)).toContain(zone);
  const { x, y } = await pixelOf(page.getByTestId('vehicle-map'), [121.103, 30.605]);
  const popup = page.getByTestId('map-popup-zone');
  await expect
    .poll(
      async () => {
        await page.mouse.click(x, y);
        return popup.waitFor({ timeout: 1000 }).then(
          () => popup.innerText(),
          () => '',
        );
      },
      { timeout: 30_000 },
    )
    .toContain(zone);

  await page.getByTestId('layer-subjects').check();
  await page.getByTestId('layer-hazards').check();
  await screenshot(page, 'map-layers-zh');
  expect(pageErrors(page)).toEqual([]);
});
