import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runTerminals } from '../../../../tools/simulator/src/run.js';
import { openDatabase } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedTestFleet } from './test-gateway.js';

const cli = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const VEHICLES = 20;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `anlan serve` in a child process, resolved once its gateway accepts connections. */
async function serve(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, 'serve'], {
    env: { ...process.env, PORT: '0', JT808_PORT: String(port), LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) return child;
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

interface Target {
  name: string;
  env: Record<string, string>;
  open(): ReturnType<typeof openDatabase>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-crash-'));
  return {
    name: 'pglite',
    env: { DATA_DIR: dir },
    open: () => openDatabase({ dataDir: dir }),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresTarget(url: string): Target {
  const name = `anlan_crash_${randomBytes(5).toString('hex')}`;
  const u = new URL(url);
  u.pathname = `/${name}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  let created = false;
  return {
    name: 'postgresql',
    env: { DATABASE_URL: u.toString(), DATA_DIR: os.tmpdir() },
    open: async () => {
      if (!created) await admin(`create database ${name}`);
      created = true;
      return openDatabase({ databaseUrl: u.toString() });
    },
    cleanup: () => admin(`drop database if exists ${name} with (force)`),
  };
}

const targets = [pgliteTarget, ...(process.env.DATABASE_URL ? [() => postgresTarget(process.env.DATABASE_URL!)] : [])];

describe.each(targets.map((make) => ({ make, name: make === pgliteTarget ? 'pglite' : 'postgresql' })))(
  'SIGKILL mid-run on $name',
  ({ make }) => {
    it('loses no acknowledged position', async () => {
      const target = make();
      try {
        const setup = await target.open();
        await migrateToLatest(setup.db);
        await seedTestFleet(setup, VEHICLES);
        await setup.close();

        const port = await freePort();
        let server = await serve(target.env, port);
        const acked: string[] = [];
        const stop = new AbortController();
        const run = runTerminals({
          host: '127.0.0.1',
          port,
          vehicles: VEHICLES,
          intervalMs: 5,
          window: 16,
          startTime: new Date(Date.now() - 3600_000),
          signal: stop.signal,
          durationS: 30,
          onAck: (phone, times) => {
            for (const t of times) acked.push(`${phone}|${t.toISOString()}`);
          },
        });
        // Kill while positions are streaming and batches are in flight.
        const deadline = Date.now() + 30_000;
        while (acked.length < 400 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        server.kill('SIGKILL');
        await exited(server);
        const ackedAtKill = acked.length;
        stop.abort();
        const result = await run;
        expect(result.loggedIn).toBe(VEHICLES);
        expect(result.sent).toBeGreaterThan(ackedAtKill);

        // Restart on the crashed data, then stop it cleanly: recovery must not lose or refuse anything.
        server = await serve(target.env, port);
        server.kill('SIGTERM');
        await exited(server);

        const after = await target.open();
        const rows = await after.db
          .selectFrom('positions as p')
          .innerJoin('vehicles as v', 'v.id', 'p.vehicle_id')
          .select(['v.terminal_phone', 'p.device_time'])
          .execute();
        await after.close();
        const stored = new Set(rows.map((r) => `${r.terminal_phone}|${r.device_time.toISOString()}`));
        const missing = acked.filter((k) => !stored.has(k));
        expect(acked.length).toBeGreaterThanOrEqual(400);
        expect(missing).toEqual([]);
        expect(stored.size).toBeGreaterThanOrEqual(acked.length);
      } finally {
        await target.cleanup();
      }
    }, 120_000);
  },
);
