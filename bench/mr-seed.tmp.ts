import { openDatabase } from '../apps/server/src/db/client.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { seedMonitoringBench } from './monitoring-reports.js';
const database = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/mr_scratch' });
await migrateToLatest(database.db);
await seedMonitoringBench(database, 1000, 3);
await database.close();
