import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Route } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. Never downloaded. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium through playwright-core, on the system's binary. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A desk: a wide screen, in Chinese like the district's staff. */
export const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1, locale: 'zh-CN' };

/** A phone: a narrow touch screen with the mobile viewport meta honoured. */
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

/** A fresh cookie jar and storage: one per user (and device) of a journey. */
export function newContext(browser: Browser, options: BrowserContextOptions = desktop): Promise<BrowserContext> {
  return browser.newContext(options);
}

const errors = new WeakMap<Page, string[]>();

/** A new tab whose uncaught exceptions are recorded (see pageErrors). */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const list: string[] = [];
  errors.set(page, list);
  page.on('pageerror', (error) => list.push(error.stack ?? String(error)));
  return page;
}

/** Uncaught exceptions in the page: a journey fails when the app crashed along the way. */
export const pageErrors = (page: Page): string[] => errors.get(page) ?? [];

/** Waits until the page's visible text (document.body.innerText) contains `text`. */
export async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.body?.innerText.includes(t) ?? false, text);
}

/**
 * Lets the next `method` request to `url` reach the server, then drops its answer (the phone lost the
 * network while the server was writing): the page sees a network failure. `done` settles once it has.
 */
export async function loseNextResponse(page: Page, url: string, method: string): Promise<{ done: Promise<void> }> {
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let taken = false;
  const handler = async (route: Route): Promise<void> => {
    if (taken || route.request().method() !== method) return route.fallback();
    taken = true;
    try {
      await route.fetch(); // the request reaches the server, which answers...
      await route.abort('connectionreset'); // ...and the answer never arrives
      await page.unroute(url, handler);
      settle.resolve();
    } catch (error) {
      settle.reject(error);
    }
  };
  await page.route(url, handler);
  return { done };
}
