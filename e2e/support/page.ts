import fs from 'node:fs';
import path from 'node:path';
import type { Chromium } from './chromium.js';

export interface Viewport {
  width: number;
  height: number;
  /** Phone emulation: touch, mobile viewport meta. */
  mobile?: boolean;
}

/** A JavaScript expression evaluated in the page that yields an element (or null). */
export type Locator = string;

/** The first element matching a CSS selector. */
export const css = (selector: string): Locator => `document.querySelector(${JSON.stringify(selector)})`;

/** The innermost visible element (of those matching `selector`) whose text contains `text`. */
export const byText = (text: string, selector = '*'): Locator =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.offsetParent !== null && e.textContent.includes(${JSON.stringify(text)})).pop() ?? null`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One tab, driven over its DevTools session; waits poll the page until true or time out with a message. */
export class Page {
  /** Uncaught exceptions in the page: a journey fails when the app crashed along the way. */
  readonly errors: string[] = [];
  private readonly off: (() => void)[] = [];
  private viewport: Viewport = { width: 1440, height: 960 };

  constructor(
    private readonly browser: Chromium,
    private readonly sessionId: string,
  ) {}

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId);
  }

  async init(viewport: Viewport): Promise<void> {
    this.viewport = viewport;
    this.off.push(
      this.browser.on((m) => {
        if (m.sessionId !== this.sessionId || m.method !== 'Runtime.exceptionThrown') return;
        const details = m.params?.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
        this.errors.push(details?.exception?.description ?? details?.text ?? 'exception');
      }),
    );
    await this.send('Page.enable');
    await this.send('Runtime.enable');
    await this.send('Network.enable');
    await this.resize(viewport.height);
    if (viewport.mobile) await this.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  }

  private resize(height: number): Promise<unknown> {
    const { width, mobile = false } = this.viewport;
    return this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile });
  }

  private once(method: string, timeout = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out waiting for ${method}`));
      }, timeout);
      const off = this.browser.on((m) => {
        if (m.sessionId === this.sessionId && m.method === method) {
          clearTimeout(timer);
          off();
          resolve();
        }
      });
    });
  }

  /** Brings this tab to the front (a journey moves between the desk, the phone and other users). */
  private async front(): Promise<void> {
    if (this.browser.frontSession === this.sessionId) return;
    await this.send('Page.bringToFront');
    this.browser.frontSession = this.sessionId;
  }

  async goto(url: string): Promise<void> {
    await this.front();
    const loaded = this.once('Page.loadEventFired');
    await this.send('Page.navigate', { url });
    await loaded;
  }

  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { exception?: { description?: string }; text?: string } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? 'evaluation failed');
    return r.result.value as T;
  }

  /** Polls `expression` until it is truthy. */
  async waitFor(expression: string, what = expression, timeout = 20_000): Promise<void> {
    await this.front();
    const end = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      try {
        if (await this.evaluate<boolean>(`Boolean(${expression})`)) return;
      } catch (error) {
        last = error;
      }
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''} at ${await this.url().catch(() => '?')}`);
      await sleep(100);
    }
  }

  waitForText(text: string, timeout?: number): Promise<void> {
    return this.waitFor(`document.body && document.body.innerText.includes(${JSON.stringify(text)})`, `text “${text}”`, timeout);
  }

  url(): Promise<string> {
    return this.evaluate<string>('location.href');
  }

  text(locator: Locator = 'document.body'): Promise<string> {
    return this.evaluate<string>(`(${locator})?.innerText ?? ''`);
  }

  count(selector: string): Promise<number> {
    return this.evaluate<number>(`document.querySelectorAll(${JSON.stringify(selector)}).length`);
  }

  /** Waits for the element to be visible, scrolls it into view and clicks its centre like a mouse. */
  async click(locator: Locator, timeout = 20_000): Promise<void> {
    await this.front();
    const end = Date.now() + timeout;
    for (;;) {
      const point = await this.evaluate<{ x: number; y: number } | null>(`(() => {
        const el = ${locator};
        if (!el || el.offsetParent === null && getComputedStyle(el).position !== 'fixed') return null;
        el.scrollIntoView({ block: 'center', inline: 'center' });
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      })()`).catch(() => null);
      if (point) {
        for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
          await this.send('Input.dispatchMouseEvent', { type, x: point.x, y: point.y, button: 'left', clickCount: 1 });
        }
        return;
      }
      if (Date.now() > end) throw new Error(`nothing to click: ${locator}`);
      await sleep(100);
    }
  }

  /** Types into the focused element (as an input method would). */
  async type(text: string): Promise<void> {
    await this.front();
    await this.send('Input.insertText', { text });
  }

  async fill(locator: Locator, text: string): Promise<void> {
    await this.click(locator);
    await this.type(text);
  }

  async press(key: 'Enter' | 'Escape'): Promise<void> {
    await this.front();
    const keyCode = key === 'Enter' ? 13 : 27;
    for (const type of ['keyDown', 'keyUp']) await this.send('Input.dispatchKeyEvent', { type, key, code: key, windowsVirtualKeyCode: keyCode });
  }

  /** Chooses files for an `<input type=file>` (the camera input on a phone). */
  async setFiles(locator: Locator, files: string[]): Promise<void> {
    await this.waitFor(locator, `file input ${locator}`);
    const r = await this.send<{ result: { objectId?: string } }>('Runtime.evaluate', { expression: locator });
    await this.send('DOM.setFileInputFiles', { files, objectId: r.result.objectId });
  }

  async screenshot(file: string): Promise<void> {
    await this.front();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The whole page: the viewport grows to the page's height for the shot (the layout stays real, as
    // a tall screen would show it), then returns to its size.
    const height = await this.evaluate<number>('document.documentElement.scrollHeight');
    if (height > this.viewport.height) await this.resize(Math.min(height, 8000));
    await sleep(250); // let transitions and the resize settle
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    if (height > this.viewport.height) await this.resize(this.viewport.height);
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
  }

  /** Cuts the network (navigator.onLine turns false) or restores it. */
  async offline(off: boolean): Promise<void> {
    await this.send('Network.emulateNetworkConditions', { offline: off, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  }

  /**
   * Lets the next request matching `urlPattern` reach the server, then drops its answer (the phone
   * lost the network while the server was writing): the client sees a network failure.
   */
  async loseNextResponse(urlPattern: string, method: string): Promise<{ done: Promise<void> }> {
    await this.send('Fetch.enable', { patterns: [{ urlPattern, requestStage: 'Response' }] });
    let resolveDone!: () => void;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const off = this.browser.on((m) => {
      if (m.sessionId !== this.sessionId || m.method !== 'Fetch.requestPaused') return;
      const params = m.params as { requestId: string; request: { method: string } };
      if (params.request.method !== method) {
        void this.send('Fetch.continueRequest', { requestId: params.requestId });
        return;
      }
      off();
      void this.send('Fetch.failRequest', { requestId: params.requestId, errorReason: 'ConnectionReset' })
        .then(() => this.send('Fetch.disable'))
        .then(() => resolveDone());
    });
    return { done };
  }

  close(): void {
    for (const off of this.off) off();
  }
}
