import type { Browser, Locator, Page } from 'playwright-core';
import { VirtualTerminal } from '../../tools/simulator/src/terminal.js';
import type { DemoServer } from './server.js';

/**
 * What the journeys on the demo server with its JT/T 808 gateway share (live.e2e.test.ts): the server, the browser,
 * and the virtual terminals they connect (all closed at the end, whatever happened).
 */
export interface LiveContext {
  server: DemoServer;
  browser: Browser;
  terminals: VirtualTerminal[];
}

/** The test's `onTestFailed`, for `screenshotOnFailure`. */
export type OnTestFailed = (handler: () => Promise<void>) => void;

export interface VehicleRow {
  id: string;
  plate: string;
  plateColour: number;
  organisationId: string;
  organisationName: string;
  terminalPhone: string;
}

/**
 * The demo vehicles each journey drives, apart so that one journey's positions and alarms never meet another's
 * (the monitor's journey takes the first of the carrier's vehicles that is not one of these).
 */
export const journeyPhones = { mapDrive: '013800000001', mapAlarm: '013800000002' } as const;

/** Polls `probe` until it answers something (every 0.5 s). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A terminal of `v`, registered and authenticated over TCP; closed with the context. */
export async function terminalOf(live: LiveContext, v: Pick<VehicleRow, 'plate' | 'terminalPhone'> & { plateColour?: number }, id: string): Promise<VirtualTerminal> {
  const terminal = new VirtualTerminal({ host: '127.0.0.1', port: live.server.jt808Port!, phone: v.terminalPhone, plate: v.plate, plateColour: v.plateColour, terminalId: id });
  live.terminals.push(terminal);
  await terminal.connect();
  await terminal.login();
  return terminal;
}

/** Where the map (opening on the district: 121.09 E 30.622 N, zoom 12, 512-px tiles) draws a place, in page pixels. */
export async function pixelOf(map: Locator, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  const world = 512 * 2 ** 12;
  const mercator = (lo: number, la: number) => [((lo + 180) / 360) * world, ((1 - Math.log(Math.tan(Math.PI / 4 + (la * Math.PI) / 360)) / Math.PI) / 2) * world];
  const [cx, cy] = mercator(121.09, 30.622);
  const [x, y] = mercator(lon, lat);
  const box = (await map.boundingBox())!;
  return { x: box.x + box.width / 2 + x! - cx!, y: box.y + box.height / 2 + y! - cy! };
}

/** Closes the map's popups (a click on a zone, route, subject or hazard opens one, and it stays until closed). */
export async function closePopups(page: Page): Promise<void> {
  for (const button of await page.locator('.maplibregl-popup-close-button').all()) await button.click();
}

/**
 * Clicks a place on the map until the vehicle panel opens there (the map draws a moment after the data arrives; a
 * click that lands on another layer first opens its popup, which is closed before the next try).
 */
export async function clickVehicleAt(page: Page, map: Locator, place: [number, number]): Promise<void> {
  const panel = page.getByTestId('vehicle-panel');
  const { x, y } = await pixelOf(map, place);
  for (const end = Date.now() + 30_000; Date.now() < end; ) {
    await closePopups(page);
    await page.mouse.click(x, y);
    if (await panel.waitFor({ timeout: 1500 }).then(() => true, () => false)) return;
  }
  throw new Error(`no vehicle to click at ${place.join(', ')}`);
}

/** The number of vehicles the map's legend counts in a state (moving, stopped, offline, alarm). */
export const countOnMap = (page: Page, state: string): Promise<number> => page.getByTestId(`count-${state}`).getAttribute('data-count').then(Number);
