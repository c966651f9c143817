import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualTerminal } from '../../../../tools/simulator/src/terminal.js';
import type { Database } from '../db/client.js';
import { engines } from '../test-support/databases.js';
import { demoPlate, demoTerminalPhone } from '../modules/vehicles/demo-vehicles.js';
import { insertPositions } from '../modules/vehicles/positions.repository.js';
import { encodeFrame, encodeMessage, MSG, REGISTER_RESULT, RESULT, type LocationInput } from './jt808/index.js';
import type { PositionRecord } from './position-record.js';
import { startTestGateway, type TestGateway } from './test-gateway.js';

const at = (iso: string) => new Date(iso);
const position = (time: Date, over: Partial<LocationInput> = {}): LocationInput => ({
  latitude: 30.61,
  longitude: 121.08,
  speed: 42.5,
  direction: 90,
  status: 0x3,
  time,
  items: { mileageKm: 12_345.6, satellites: 12, raw: [{ id: 0xe1, hex: '0102' }] },
  ...over,
});

describe.each(engines)('JT/T 808 sessions over TCP on $name', (engine) => {
  let database: Database;
  let t: TestGateway;
  // Commits wait for this gate when it is closed, so that a test can look at the moment before the commit.
  let gate: Promise<void> | null = null;
  const committed: PositionRecord[] = [];
  const terminals: VirtualTerminal[] = [];

  const terminal = async (n: number, over: Partial<ConstructorParameters<typeof VirtualTerminal>[0]> = {}) => {
    const v = new VirtualTerminal({
      host: '127.0.0.1',
      port: t.gateway.port,
      phone: demoTerminalPhone(n),
      plate: demoPlate(n),
      terminalId: `T${n}`,
      ...over,
    });
    terminals.push(v);
    await v.connect();
    return v;
  };
  const rowsOf = async (n: number) =>
    database.db
      .selectFrom('positions as p')
      .innerJoin('vehicles as v', 'v.id', 'p.vehicle_id')
      .selectAll('p')
      .where('v.terminal_phone', '=', demoTerminalPhone(n))
      .orderBy('p.device_time')
      .execute();

  beforeAll(async () => {
    database = await engine.open();
    t = await startTestGateway(database, {
      vehicles: 12,
      write: async (records) => {
        await gate;
        const r = await insertPositions(database.db, records);
        committed.push(...records);
        return r;
      },
    });
  });
  afterAll(async () => {
    for (const v of terminals) v.destroy();
    await t?.gateway.close();
    await database?.close();
  });

  it('refuses an unknown terminal with 0x8100 result 4 and a wrong plate with result 2', async () => {
    const stranger = await terminal(1, { phone: '013999999999' });
    expect((await stranger.register()).result).toBe(REGISTER_RESULT.noSuchTerminal);
    const wrongPlate = await terminal(1, { plate: '沪A·12345' });
    expect(await wrongPlate.register()).toEqual({ result: REGISTER_RESULT.noSuchVehicle, authCode: null });
    expect(t.runtime.counters.answers).toMatchObject({ noSuchTerminal: 1, noSuchVehicle: 1 });
  });

  it('registers a known terminal, gives the same code again, and refuses a second terminal for the vehicle', async () => {
    const v = await terminal(1);
    const first = await v.register();
    expect(first.result).toBe(REGISTER_RESULT.ok);
    expect(first.authCode).toMatch(/^[0-9a-f]{16}$/);
    expect(await v.register()).toEqual(first);
    const other = await terminal(1, { terminalId: 'OTHER' });
    expect((await other.register()).result).toBe(REGISTER_RESULT.vehicleRegistered);
    const bound = await database.db
      .selectFrom('vehicles')
      .select(['terminal_id', 'auth_code'])
      .where('terminal_phone', '=', demoTerminalPhone(1))
      .executeTakeFirstOrThrow();
    expect(bound).toEqual({ terminal_id: 'T1', auth_code: first.authCode });
  });

  it('refuses reports before authentication, and a wrong code; accepts the right one', async () => {
    const v = await terminal(2);
    const { authCode } = await v.register();
    const refusedBefore = t.runtime.counters.positionsRefused;
    v.report(position(at('2026-11-20T01:00:00Z')));
    await v.settle();
    expect(v.refused).toBe(1);
    expect(t.runtime.counters.positionsRefused).toBe(refusedBefore + 1);
    expect(await v.authenticate('not-the-code')).toBe(RESULT.failure);
    expect(await v.authenticate(authCode!)).toBe(RESULT.ok);
    expect(await v.heartbeat()).toBe(RESULT.ok);
    expect(await rowsOf(2)).toHaveLength(0);
  });

  it('acknowledges a position only after its row is committed, with every field stored', async () => {
    const v = await terminal(3);
    await v.login();
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    const time = at('2026-11-20T02:00:00Z');
    v.report(position(time, { alarm: 0x8000_0002 }));
    await new Promise((r) => setTimeout(r, 150));
    expect(v.acked).toBe(0);
    expect(await rowsOf(3)).toHaveLength(0);
    let rowsAtAck = -1;
    v.onAck = () => void rowsOf(3).then((rows) => (rowsAtAck = rows.length));
    release();
    gate = null;
    await v.settle();
    expect(v.acked).toBe(1);
    const rows = await rowsOf(3);
    expect(rowsAtAck === -1 || rowsAtAck === 1).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      device_time: time,
      lat: 30.61,
      lon: 121.08,
      speed_kmh: 42.5,
      heading: 90,
      mileage_km: 12_345.6,
      blind_area: false,
    });
    expect(rows[0]!.alarm_bits >>> 0).toBe(0x8000_0002);
    expect(rows[0]!.extras).toEqual({ satellites: 12, raw: [{ id: 0xe1, hex: '0102' }] });
    expect(committed.some((r) => r.deviceTime.getTime() === time.getTime())).toBe(true);
  });

  it('answers a bad check code with result 2 and a vendor message with result 3', async () => {
    const v = await terminal(4);
    await v.login();
    const serial = v.takeSerial();
    const frame = encodeMessage(
      { phone: demoTerminalPhone(4), serial },
      { type: 'location', position: position(at('2026-11-20T03:00:00Z')) },
    );
    const broken = Buffer.from(frame);
    broken[broken.length - 2] = broken[broken.length - 2]! ^ 0x5a;
    v.sendRaw(broken);
    expect(await v.answerTo(serial)).toEqual({
      msgId: MSG.platformResponse,
      replyId: MSG.location,
      result: RESULT.badMessage,
    });
    const vendorSerial = v.takeSerial();
    v.sendRaw(
      encodeFrame({ msgId: 0x5501, phone: demoTerminalPhone(4), serial: vendorSerial }, Buffer.from('vendor data')),
    );
    expect(await v.answerTo(vendorSerial)).toEqual({
      msgId: MSG.platformResponse,
      replyId: 0x5501,
      result: RESULT.unsupported,
    });
    expect(t.runtime.counters.errors).toMatchObject({ bad_check_code: 1, unsupported_message: 1 });
    expect(await rowsOf(4)).toHaveLength(0);
  });

  it('stores blind-area back-fill without moving the latest position backwards', async () => {
    const v = await terminal(5);
    await v.login();
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    v.report(position(now, { latitude: 30.62 }));
    await v.settle();
    const earlier = [1, 2, 3].map((k) => position(new Date(now.getTime() - k * 60_000), { latitude: 30.6 - k / 1000 }));
    v.reportBatch(earlier, 1);
    // A resend of the same positions is idempotent.
    v.reportBatch(earlier, 1);
    await v.settle();
    expect(v.acked).toBe(7);
    const rows = await rowsOf(5);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.blind_area)).toHaveLength(3);
    const latest = await database.db
      .selectFrom('latest_positions as l')
      .innerJoin('vehicles as v', 'v.id', 'l.vehicle_id')
      .select(['l.device_time', 'l.lat'])
      .where('v.terminal_phone', '=', demoTerminalPhone(5))
      .executeTakeFirstOrThrow();
    expect(latest).toEqual({ device_time: now, lat: 30.62 });
    expect(t.runtime.counters.positionsDuplicate).toBeGreaterThanOrEqual(3);
  });

  it('keeps one live connection per terminal: a new login replaces the old', async () => {
    const a = await terminal(6);
    const code = await a.login();
    const b = await terminal(6);
    await b.login(code);
    await new Promise((r) => setTimeout(r, 100));
    expect(a.connected).toBe(false);
    expect(b.connected).toBe(true);
    expect(t.runtime.counters.drops.replaced).toBe(1);
    expect(await b.heartbeat()).toBe(RESULT.ok);
  });

  it('speaks the 2019 header with a 20-digit phone', async () => {
    const v = await terminal(7, { phone: `00000000${demoTerminalPhone(7)}`, version: 2019 });
    await v.login();
    v.report(position(at('2026-11-20T04:00:00Z')));
    await v.settle();
    expect(v.acked).toBe(1);
    expect(await rowsOf(7)).toHaveLength(1);
  });
});
