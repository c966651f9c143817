import type { Migration, MigrationProvider } from 'kysely';
import * as foundation from './20261128T2100-foundation.js';
import * as closedLoop from './20261128T2200-closed-loop.js';
import * as vehicles from './20261128T2300-vehicles.js';
import * as ledgerIndexes from './20261128T2330-ledger-indexes.js';
import * as monitoring from './20261203T1900-monitoring.js';
import * as risk from './20261203T1910-risk.js';
import * as notifications from './20261203T1920-notifications.js';
import * as vehicleDayStats from './20261204T0900-vehicle-day-stats.js';

/**
 * Every migration, in order. A landed migration is never edited: add a new file instead.
 * Listed statically (not read from disk) so that the bundle and the tests see the same set.
 */
const migrations: Record<string, Migration> = {
  '20261128T2100-foundation': foundation,
  '20261128T2200-closed-loop': closedLoop,
  '20261128T2300-vehicles': vehicles,
  '20261128T2330-ledger-indexes': ledgerIndexes,
  '20261203T1900-monitoring': monitoring,
  '20261203T1910-risk': risk,
  '20261203T1920-notifications': notifications,
  '20261204T0900-vehicle-day-stats': vehicleDayStats,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
