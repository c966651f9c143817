import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (unit, in-process HTTP and integration tests, on PGlite and on PostgreSQL when DATABASE_URL is
 * set) and `e2e` (browser journeys against the built demo server, after the unit tests). `npm test` builds first;
 * `npx vitest run --project unit` is the quick loop.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['apps/server/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'tools/*/src/**/*.test.ts', 'bench/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
        },
      },
      'e2e/vitest.config.ts',
    ],
  },
});
