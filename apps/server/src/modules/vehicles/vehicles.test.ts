import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { VirtualTerminal } from '../../../../../tools/simulator/src/terminal.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { createGatewayRuntime } from '../../gateway/runtime.js';
import { startTestGateway, type TestGateway } from '../../gateway/test-gateway.js';
import { buildApp } from '../../http/app.js';
import { login, seedUser } from '../../test-support/app.js';
import { engines } from '../../test-support/databases.js';
import { demoPlate, demoTerminalPhone } from './demo-vehicles.js';

describe.each(engines)('vehicles API and live stream on $name', (engine) => {
  let database: Database;
  let t: TestGateway;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const terminals: VirtualTerminal[] = [];
  const sockets: WebSocket[] = [];
  const get = (url: string, who: string) => app.inject({ url, headers: { cookie: cookies[who]! } });
  const drive = async (n: number, times: Date[]) => {
    const v = new VirtualTerminal({
      host: '127.0.0.1',
      port: t.gateway.port,
      phone: demoTerminalPhone(n),
      plate: demoPlate(n),
      terminalId: `V${n}`,
    });
    terminals.push(v);
    await v.connect();
    await v.login();
    for (const [k, time] of times.entries())
      v.report({ latitude: 30.6 + k / 1000, longitude: 121.08, speed: 55, direction: 45, time });
    await v.settle();
    return v;
  };

  beforeAll(async () => {
    database = await engine.open();
    const runtime = createGatewayRuntime({ offlineAfterMs: 300_000 });
    t = await startTestGateway(database, { vehicles: 6, runtime });
    app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent', LIVE_THROTTLE_MS: '100' }),
      database,
      logger: false,
      gateway: runtime,
    });
    await seedUser(database, 'admin', 'admin');
    await seedUser(database, 'monitor', 'monitor');
    await seedUser(database, 'carrier-a', 'enterprise', t.carriers[0]);
    await seedUser(database, 'carrier-b', 'enterprise', t.carriers[1]);
    for (const who of ['admin', 'monitor', 'carrier-a', 'carrier-b']) cookies[who] = await login(app, who);
  });
  afterAll(async () => {
    for (const s of sockets) s.terminate();
    for (const v of terminals) v.destroy();
    await t?.gateway.close();
    await app?.close();
    await database?.close();
  });

  it('registers vehicles for monitors only, refusing duplicates and bad fields by name', async () => {
    const body = {
      plate: '浙F·D9001',
      organisationId: t.carriers[0],
      vehicleClass: 'tanker',
      cargoUn: 'UN1005',
      cargoName: '液氨',
      terminalPhone: '013800009001',
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/vehicles',
      headers: { cookie: cookies.monitor! },
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      plate: '浙F·D9001',
      plateColour: 2,
      status: 'never',
      latest: null,
      organisationName: '嘉港危货运输有限公司(演示)',
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/vehicles',
      headers: { cookie: cookies.admin! },
      payload: { ...body, plate: '浙F·D9002', terminalPhone: '00000000013800009001' },
    });
    expect(again.statusCode).toBe(409);
    const byCarrier = await app.inject({
      method: 'POST',
      url: '/api/vehicles',
      headers: { cookie: cookies['carrier-a']! },
      payload: { ...body, terminalPhone: '013800009002' },
    });
    expect(byCarrier.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/vehicles',
      headers: { cookie: cookies.monitor! },
      payload: { ...body, terminalPhone: '138' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.terminalPhone');
  });

  it('shows each carrier only its own vehicles, with latest position, online status and track', async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    await drive(1, [new Date(now - 120_000), new Date(now - 60_000), new Date(now)]);
    const mine = await get('/api/vehicles', 'carrier-a');
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as {
      id: string;
      organisationId: string;
      terminalPhone: string;
      status: string;
      latest: { deviceTime: string } | null;
    }[];
    expect(items.every((v) => v.organisationId === t.carriers[0])).toBe(true);
    const one = items.find((v) => v.terminalPhone === demoTerminalPhone(1))!;
    expect(one).toMatchObject({
      status: 'online',
      latest: { deviceTime: new Date(now).toISOString(), lat: 30.602, speedKmh: 55 },
    });
    expect((await get('/api/vehicles?status=online', 'admin')).json().total).toBe(1);

    const others = (await get('/api/vehicles', 'carrier-b')).json().items as { id: string }[];
    expect(others.some((v) => v.id === one.id)).toBe(false);
    expect((await get(`/api/vehicles/${one.id}`, 'carrier-b')).statusCode).toBe(404);
    expect((await get(`/api/vehicles/${one.id}`, 'carrier-a')).json().id).toBe(one.id);

    const from = new Date(now - 3600_000).toISOString();
    const to = new Date(now + 1000).toISOString();
    const track = await get(`/api/vehicles/${one.id}/track?from=${from}&to=${to}`, 'carrier-a');
    expect(track.json().points.map((p: { lat: number }) => p.lat)).toEqual([30.6, 30.601, 30.602]);
    expect((await get(`/api/vehicles/${one.id}/track?from=${from}&to=${to}`, 'carrier-b')).statusCode).toBe(404);
    const tooLong = await get(
      `/api/vehicles/${one.id}/track?from=${new Date(now - 25 * 3600_000).toISOString()}&to=${to}`,
      'admin',
    );
    expect(tooLong.statusCode).toBe(400);

    const latest = (await get('/api/vehicles/latest', 'carrier-b')).json().items as unknown[];
    expect(latest).toEqual([]);
    expect((await get('/api/vehicles/latest', 'monitor')).json().items).toMatchObject([
      { vehicleId: one.id, online: true },
    ]);
  });

  it('gives gateway counters to admin and monitor only', async () => {
    const stats = await get('/api/gateway/stats', 'monitor');
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      listening: true,
      connections: { authenticated: 1 },
      positions: { committed: 3 },
    });
    expect((await get('/api/gateway/stats', 'carrier-a')).statusCode).toBe(403);
  });

  it('streams coalesced positions over the WebSocket, scoped to the carrier', async () => {
    await expect(app.injectWS('/api/live')).rejects.toThrow(/401/);
    const received: Record<string, { vehicleId: string; plate: string }[]> = { 'carrier-a': [], admin: [] };
    for (const who of ['carrier-a', 'admin']) {
      const ws = await app.injectWS('/api/live', { headers: { cookie: cookies[who]! } });
      sockets.push(ws);
      ws.on('message', (data: Buffer) =>
        received[who]!.push(
          ...(JSON.parse(data.toString()) as { items: { vehicleId: string; plate: string }[] }).items,
        ),
      );
    }
    const now = Math.floor(Date.now() / 1000) * 1000;
    await drive(2, [new Date(now - 2000), new Date(now - 1000), new Date(now)]);
    await drive(3, [new Date(now)]);
    await new Promise((r) => setTimeout(r, 400));
    const plates = (who: string) => [...new Set(received[who]!.map((i) => i.plate))].sort();
    // Vehicles alternate between the two carriers: 1 and 3 belong to the first, 2 to the second.
    expect(plates('carrier-a')).toEqual([demoPlate(3)]);
    expect(plates('admin')).toEqual([demoPlate(2), demoPlate(3)].sort());
    expect(received.admin!.filter((i) => i.plate === demoPlate(2)).length).toBeLessThanOrEqual(2);
  });
});
