import type { Database } from '../db/client.js';
import { OrganisationsService } from '../modules/identity/organisations.service.js';
import { DEMO_VEHICLE_CARRIERS, seedDemoVehicles } from '../modules/vehicles/demo-vehicles.js';
import { ensurePositionPartitions } from '../modules/vehicles/position-partitions.js';
import { insertPositions } from '../modules/vehicles/positions.repository.js';
import { DbTerminalDirectory } from '../modules/vehicles/vehicles.repository.js';
import type { BatchWriter, IngestOptions } from './ingest.js';
import { MAX_FRAME_BYTES } from './options.js';
import { createGatewayRuntime, type GatewayRuntime } from './runtime.js';
import { startGateway, type RunningGateway } from './server.js';
import type { SessionLimits } from './session-options.js';

export interface TestGateway {
  gateway: RunningGateway;
  runtime: GatewayRuntime;
  /** Organisation ids of the two demo carriers. */
  carriers: [string, string];
}

/**
 * A gateway on a free port over `database`, with the demo carriers and `vehicles` demo vehicles registered
 * (terminal n: phone 0138000000NN, plate demoPlate(n)). For tests and benchmarks.
 */
export async function startTestGateway(
  database: Database,
  o: {
    vehicles?: number;
    limits?: Partial<SessionLimits>;
    ingest?: Partial<IngestOptions>;
    write?: BatchWriter;
    sweepIntervalMs?: number;
    /** Share a runtime with an HTTP app (vehicles API, live WebSocket). */
    runtime?: GatewayRuntime;
  } = {},
): Promise<TestGateway> {
  const carriers = await seedTestFleet(database, o.vehicles ?? 30);
  const runtime = o.runtime ?? createGatewayRuntime({ offlineAfterMs: 300_000 });
  const db = database.db;
  const gateway = await startGateway({
    directory: new DbTerminalDirectory(db),
    write: o.write ?? ((records) => insertPositions(db, records)),
    runtime,
    options: {
      host: '127.0.0.1',
      port: 0,
      maxConnections: 20_000,
      sweepIntervalMs: o.sweepIntervalMs ?? 100,
      closeGraceMs: 500,
      limits: {
        maxFrameBytes: MAX_FRAME_BYTES,
        maxUnackedPositions: 1000,
        maxWriteBufferBytes: 256 * 1024,
        garbageAllowanceBytes: 8 * 1024,
        idleTimeoutMs: 180_000,
        firstFrameTimeoutMs: 30_000,
        authTimeoutMs: 60_000,
        subpackage: { maxParts: 64, maxBytes: 64 * 1024, maxPending: 4, timeoutMs: 30_000 },
        ...o.limits,
      },
      ingest: { batchSize: 500, maxDelayMs: 10, concurrency: database.kind === 'pglite' ? 1 : 4, ...o.ingest },
    },
  });
  return { gateway, runtime, carriers };
}

/** The two demo carriers and `vehicles` demo vehicles (once), and this month's partitions; returns the carriers' ids. */
export async function seedTestFleet(database: Database, vehicles: number): Promise<[string, string]> {
  const orgs = new OrganisationsService(database.db);
  const ids = new Map<string, string>();
  for (const name of DEMO_VEHICLE_CARRIERS) {
    const existing = await database.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    ids.set(name, existing?.id ?? (await orgs.create(null, { kind: 'enterprise', name })).id);
  }
  const registered = await database.db
    .selectFrom('vehicles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(registered.n) === 0) await seedDemoVehicles(database.db, ids, vehicles);
  await ensurePositionPartitions(database.db, new Date());
  return [ids.get(DEMO_VEHICLE_CARRIERS[0])!, ids.get(DEMO_VEHICLE_CARRIERS[1])!];
}
