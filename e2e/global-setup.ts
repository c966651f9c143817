import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support/browser.js';
import { startDemoServer } from './support/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/**
 * Starts the built demo server once for every journey. Nothing is skipped: without Chromium or without
 * a build the run fails here, loudly.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`e2e: Chromium not found at ${chromiumPath}; install Debian's chromium or set CHROMIUM_PATH`);
  }
  const server = await startDemoServer();
  project.provide('baseURL', server.url);
  return server.stop;
}
