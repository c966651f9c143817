import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './20261128T2100-foundation.js';
import * as closedLoop from './20261128T2200-closed-loop.js';

/**
 * Every migration, in order. A landed migration is never edited: add a new file instead.
 * Listed statically (not read from disk) so that the bundle and the tests see the same set.
 */
const migrations: Record<string, Migration> = {
  '20261128T2100-foundation': foundation,
  '20261128T2200-closed-loop': closedLoop,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
