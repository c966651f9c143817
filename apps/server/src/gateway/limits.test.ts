import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualTerminal } from '../../../../tools/simulator/src/terminal.js';
import type { Database } from '../db/client.js';
import { demoPlate, demoTerminalPhone } from '../modules/vehicles/demo-vehicles.js';
import { insertPositions } from '../modules/vehicles/positions.repository.js';
import { engines } from '../test-support/databases.js';
import type { LocationInput } from './jt808/index.js';
import { startTestGateway, type TestGateway } from './test-gateway.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const position = (k: number): LocationInput => ({
  latitude: 30.6,
  longitude: 121.05 + k / 1e5,
  speed: 50,
  time: new Date(Date.UTC(2026, 10, 20) + k * 1000),
});

/** A raw TCP client that resolves with how long the server kept it open. */
function rawClient(port: number, feed: (socket: net.Socket) => void): Promise<number> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect({ port, host: '127.0.0.1' }, () => feed(socket));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Date.now() - started));
  });
}

describe.each(engines)('gateway limits on $name', (engine) => {
  let database: Database;
  let t: TestGateway;
  let slowCommits = false;
  const terminals: VirtualTerminal[] = [];
  const terminal = async (n: number) => {
    const v = new VirtualTerminal({
      host: '127.0.0.1',
      port: t.gateway.port,
      phone: demoTerminalPhone(n),
      plate: demoPlate(n),
      terminalId: `L${n}`,
    });
    terminals.push(v);
    await v.connect();
    await v.login();
    return v;
  };

  beforeAll(async () => {
    database = await engine.open();
    t = await startTestGateway(database, {
      vehicles: 8,
      limits: {
        maxUnackedPositions: 100,
        firstFrameTimeoutMs: 400,
        authTimeoutMs: 3000,
        // Long enough that a terminal waiting while the next one logs in on a busy machine is not idle.
        idleTimeoutMs: 1500,
        garbageAllowanceBytes: 4096,
      },
      ingest: { batchSize: 50 },
      write: async (records) => {
        if (slowCommits) await sleep(40);
        return insertPositions(database.db, records);
      },
    });
  });
  afterAll(async () => {
    for (const v of terminals) v.destroy();
    await t?.gateway.close();
    await database?.close();
  });

  it('pauses a terminal that floods faster than commits, while another keeps flowing', async () => {
    slowCommits = true;
    const flood = await terminal(1);
    const calm = await terminal(2);
    for (let k = 0; k < 1500; k++) flood.report(position(k));
    const session = [...t.gateway.sessions].find((s) => s.phone === demoTerminalPhone(1))!;
    let maxPending = 0;
    const watch = setInterval(() => (maxPending = Math.max(maxPending, session.pendingPositions)), 5);
    const latencies: number[] = [];
    calm.onAck = (_phone, _times, ms) => latencies.push(ms);
    for (let k = 0; k < 10; k++) {
      calm.report(position(10_000 + k));
      await calm.settle();
    }
    await flood.settle(30_000);
    clearInterval(watch);
    slowCommits = false;
    expect(flood.acked).toBe(1500);
    expect(calm.acked).toBe(10);
    // Frames past the bound wait unread (held, socket paused): the bound is exceeded by one message at most.
    expect(maxPending).toBeLessThanOrEqual(101);
    expect(maxPending).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(5000);
  });

  it('drops slow-loris and garbage connections by timeout and ratio, and keeps serving others', async () => {
    const good = await terminal(3);
    const drops = t.runtime.counters.drops;
    const before = { loris: drops.no_valid_frame ?? 0, garbage: drops.garbage ?? 0 };
    // Slow-loris: one byte at a time, never a whole frame.
    const loris = rawClient(t.gateway.port, (s) => {
      const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write(Buffer.from([0x01]))), 50);
      s.on('close', () => clearInterval(timer));
    });
    // Garbage: 32 KiB of bytes that never form a frame.
    const garbage = rawClient(t.gateway.port, (s) => s.write(Buffer.alloc(32 * 1024, 0x41)));
    for (let k = 0; k < 20; k++) {
      good.report(position(20_000 + k));
      await sleep(20);
    }
    expect(await loris).toBeGreaterThanOrEqual(350);
    expect(await garbage).toBeLessThan(2000);
    await good.settle();
    expect(good.acked).toBe(20);
    expect(drops.no_valid_frame).toBe(before.loris + 1);
    expect(drops.garbage).toBe(before.garbage + 1);
  });

  it('closes an idle connection; heartbeats keep another alive', async () => {
    const idle = await terminal(4);
    const beating = await terminal(5);
    // 20 × 150 ms = 3 s: twice the idle timeout.
    for (let k = 0; k < 20; k++) {
      await sleep(150);
      await beating.heartbeat();
    }
    expect(idle.connected).toBe(false);
    expect(beating.connected).toBe(true);
    expect(t.runtime.counters.drops.idle).toBeGreaterThanOrEqual(1);
    expect(
      t.runtime.presence.isOnline(
        (
          await database.db
            .selectFrom('vehicles')
            .select('id')
            .where('terminal_phone', '=', demoTerminalPhone(5))
            .executeTakeFirstOrThrow()
        ).id,
      ),
    ).toBe(true);
  });

  it('drains in-flight batches and their acks on close', async () => {
    const v = await terminal(6);
    slowCommits = true;
    for (let k = 0; k < 200; k++) v.report(position(30_000 + k));
    await sleep(30);
    await t.gateway.close();
    slowCommits = false;
    const stored = await database.db
      .selectFrom('positions as p')
      .innerJoin('vehicles as v', 'v.id', 'p.vehicle_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('v.terminal_phone', '=', demoTerminalPhone(6))
      .executeTakeFirstOrThrow();
    // Everything the gateway read before closing was committed and answered; nothing answered is missing.
    expect(v.acked).toBeGreaterThan(0);
    expect(Number(stored.n)).toBe(v.acked);
    expect(t.runtime.counters.listening).toBe(false);
  });
});
