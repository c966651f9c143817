/**
 * Shared by the gateway benchmarks: a gateway in this process over PGlite (a data directory, as in production) or
 * PostgreSQL, and the simulator in a child process, so that terminals and server do not share one event loop.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import type { IngestOptions } from '../apps/server/src/gateway/ingest.js';
import type { SessionLimits } from '../apps/server/src/gateway/session-options.js';
import { startTestGateway, type TestGateway } from '../apps/server/src/gateway/test-gateway.js';
import type { RunResult } from '../tools/simulator/src/run.js';

export type Engine = 'pglite' | 'postgresql';
export const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchGateway extends TestGateway {
  database: Database;
  close(): Promise<void>;
}

export async function startBenchGateway(
  engine: Engine,
  o: { vehicles: number; ingest?: Partial<IngestOptions>; limits?: Partial<SessionLimits>; memory?: boolean },
): Promise<BenchGateway> {
  let database: Database;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite' && o.memory) {
    database = await openDatabase({ memory: true });
    cleanup = async () => {};
  } else if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-bench-'));
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const url = process.env.DATABASE_URL || DEFAULT_PG;
    const name = `anlan_bench_${randomBytes(5).toString('hex')}`;
    const admin = async (q: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(q);
      await c.end();
    };
    await admin(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: u.toString() });
    cleanup = () => admin(`drop database if exists ${name} with (force)`);
  }
  await migrateToLatest(database.db);
  const t = await startTestGateway(database, {
    vehicles: o.vehicles,
    sweepIntervalMs: 1000,
    limits: { firstFrameTimeoutMs: 120_000, authTimeoutMs: 300_000, ...o.limits },
    ingest: { batchSize: 500, maxDelayMs: 20, concurrency: engine === 'pglite' ? 1 : 4, ...o.ingest },
  });
  return {
    ...t,
    database,
    close: async () => {
      await t.gateway.close();
      await database.close();
      await cleanup();
    },
  };
}

const simulatorCli = fileURLToPath(new URL('../tools/simulator/src/cli.ts', import.meta.url));

/** Runs `npm run simulate` with these flags in a child process; resolves with its result. */
export function runSimulator(flags: Record<string, string | number>): Promise<RunResult> {
  const args = Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)]);
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', simulatorCli, ...args, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out) as RunResult);
      } catch {
        reject(new Error(`simulator exited ${code}: ${out.slice(0, 500)}`));
      }
    });
  });
}

export function machine(): string {
  const cpus = os.cpus();
  // Node's flags matter to the tail (the young-generation size sets how often minor GCs pause the loop).
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS?.split(/\s+/) ?? [])].filter((a) => a.startsWith('--max-'));
  return `${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}${flags.length ? ` ${flags.join(' ')}` : ''}, load ${os.loadavg()[0]!.toFixed(1)} at start`;
}

export function writeResult(name: string, file: object): void {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}${name}.json`, `${JSON.stringify(file, null, 2)}\n`);
}

export const isMain = (url: string) => process.argv[1] === fileURLToPath(url);
