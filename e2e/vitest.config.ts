import { defineConfig } from 'vitest/config';

/**
 * The browser journeys on their own: `npx vitest run --config e2e/vitest.config.ts` (after `npm run build`).
 * The same settings serve as the `e2e` project of the root config.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['*.e2e.test.ts'],
    globalSetup: ['global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // The journeys share one server (PGlite answers one query at a time): one file after another.
    fileParallelism: false,
    // As a project of the root config: after the unit tests, not beside them (two CPU-heavy groups at
    // once make both slow).
    sequence: { groupOrder: 1 },
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
