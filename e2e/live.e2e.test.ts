import { afterAll, beforeAll, it } from 'vitest';
import { mapAlarmJourney } from './map-alarm.journey.js';
import { mapLiveJourney } from './map-live.journey.js';
import { monitorQueueJourney } from './monitor-queue.journey.js';
import { launchChromium } from './support/browser.js';
import type { LiveContext } from './support/live.js';
import { startDemoServer } from './support/server.js';

/*
 * The journeys that need vehicles reporting over JT/T 808 (TCP). The shared demo server of the other journeys runs
 * without its gateway, so these start one demo server with it, on free ports, and share it (a demo server takes half
 * a minute to start on a busy 2-core machine). Each journey drives vehicles of its own (support/live.ts), so their
 * positions and alarms never meet.
 */

const live = {} as LiveContext;

// Demo data and a second server on a shared 2-core machine: start-up may take minutes.
beforeAll(async () => {
  live.terminals = [];
  [live.server, live.browser] = await Promise.all([startDemoServer({ gateway: true, timeoutMs: 280_000 }), launchChromium()]);
}, 300_000);
afterAll(async () => {
  for (const t of live.terminals ?? []) t.destroy();
  await live.browser?.close();
  await live.server?.stop();
});

it('a vehicle reporting over JT/T 808 appears on the live map, moves, and opens its panel when clicked', ({ onTestFailed }) =>
  mapLiveJourney(live, onTestFailed));

it('the monitor acknowledges an alarm from the live map: the panel, the server and the alarm queue agree', ({ onTestFailed }) =>
  mapAlarmJourney(live, onTestFailed));

it('a real overspeed alarm reaches the open queue live; the monitor acknowledges, reminds, handles and closes it; the carrier sees only its own', ({ onTestFailed }) =>
  monitorQueueJourney(live, onTestFailed));
