import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Page, type Viewport } from './page.js';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. Never downloaded. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { message: string }; sessionId?: string };
type Listener = (message: Message) => void;

/**
 * Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe): the
 * protocol playwright-core speaks, without a browser download or a WebSocket port.
 */
export class Chromium {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private readonly listeners = new Set<Listener>();
  /** The tab in front: only it runs animation frames, which the UI's transitions wait for. */
  frontSession: string | undefined;

  private constructor(
    private readonly process: ChildProcess,
    private readonly userDataDir: string,
  ) {
    const output = process.stdio[4] as Readable;
    let buffer = '';
    output.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        this.dispatch(JSON.parse(buffer.slice(0, end)) as Message);
        buffer = buffer.slice(end + 1);
      }
    });
    process.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`Chromium exited during ${p.method}`));
      this.pending.clear();
    });
  }

  static async launch(): Promise<Chromium> {
    if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`);
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-e2e-chromium-'));
    const child = spawn(
      chromiumPath,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
        '--no-first-run',
        '--no-default-browser-check',
        '--lang=zh-CN',
        '--remote-debugging-pipe',
        `--user-data-dir=${userDataDir}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const browser = new Chromium(child, userDataDir);
    await browser.send('Browser.getVersion');
    return browser;
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = ++this.nextId;
    const input = this.process.stdio[3] as Writable;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      input.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A fresh cookie jar and storage: one per user of a journey. */
  async newContext(): Promise<BrowserContext> {
    const { browserContextId } = await this.send<{ browserContextId: string }>('Target.createBrowserContext');
    return new BrowserContext(this, browserContextId);
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.send('Browser.close').catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }
}

export class BrowserContext {
  constructor(
    readonly browser: Chromium,
    readonly id: string,
  ) {}

  async newPage(viewport: Viewport = { width: 1440, height: 960 }): Promise<Page> {
    const { targetId } = await this.browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId: this.id });
    const { sessionId } = await this.browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this.browser, sessionId);
    await page.init(viewport);
    return page;
  }

  close(): Promise<unknown> {
    return this.browser.send('Target.disposeBrowserContext', { browserContextId: this.id });
  }
}
