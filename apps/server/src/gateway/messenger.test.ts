import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualTerminal } from '../../../../tools/simulator/src/terminal.js';
import type { Database } from '../db/client.js';
import { demoPlate, demoTerminalPhone } from '../modules/vehicles/demo-vehicles.js';
import { engines } from '../test-support/databases.js';
import { encodeMessage, MSG, TEXT_FLAG } from './jt808/index.js';
import { MAX_TEXT_LENGTH, textFlags } from './messenger.js';
import { createGatewayRuntime } from './runtime.js';
import { startTestGateway, type TestGateway } from './test-gateway.js';

describe('0x8300 flags', () => {
  it('sets display and TTS by default, emergency by the version’s own bits', () => {
    expect(textFlags({}, false)).toEqual({ flags: TEXT_FLAG.display | TEXT_FLAG.tts, textType: null });
    expect(textFlags({ emergency: true, tts: false }, false)).toEqual({
      flags: TEXT_FLAG.display | TEXT_FLAG.emergency,
      textType: null,
    });
    // 2019: bits 0–1 are the kind (10 emergency, 11 notice) and a text type byte follows.
    expect(textFlags({ emergency: true }, true)).toEqual({ flags: 0b1110, textType: 1 });
    expect(textFlags({ display: false }, true)).toEqual({ flags: 0b1011, textType: 1 });
  });

  it('answers offline on an idle runtime (no gateway in this process)', async () => {
    const idle = createGatewayRuntime({ offlineAfterMs: 60_000 });
    expect(await idle.messenger.sendText('00000000-0000-4000-8000-000000000000', '请减速慢行')).toEqual({
      result: 'offline',
    });
  });
});

describe.each(engines)('text to the driver over TCP on $name', (engine) => {
  let database: Database;
  let t: TestGateway;
  const terminals: VirtualTerminal[] = [];

  /** Terminal n, registered and authenticated; returns it with its vehicle id. */
  const online = async (n: number, over: Partial<ConstructorParameters<typeof VirtualTerminal>[0]> = {}) => {
    const v = new VirtualTerminal({
      host: '127.0.0.1',
      port: t.gateway.port,
      phone: demoTerminalPhone(n),
      plate: demoPlate(n),
      terminalId: `M${n}`,
      ...over,
    });
    terminals.push(v);
    await v.connect();
    await v.login();
    const row = await database.db
      .selectFrom('vehicles')
      .select('id')
      .where('terminal_phone', '=', demoTerminalPhone(n))
      .executeTakeFirstOrThrow();
    return { v, vehicleId: row.id };
  };

  beforeAll(async () => {
    database = await engine.open();
    const runtime = createGatewayRuntime({ offlineAfterMs: 300_000, commandTimeoutMs: 5000 });
    t = await startTestGateway(database, { vehicles: 8, runtime });
  });
  afterAll(async () => {
    for (const v of terminals) v.destroy();
    await t?.gateway.close();
    await database?.close();
  });

  it('delivers the text and resolves on the terminal’s 0x0001 to its serial', async () => {
    const { v, vehicleId } = await online(1);
    const r = await t.runtime.messenger.sendText(vehicleId, '您已超速,请立即减速至80公里/小时以下');
    expect(r.result).toBe('delivered');
    expect(v.texts).toEqual([
      {
        serial: r.serial,
        flags: TEXT_FLAG.display | TEXT_FLAG.tts,
        textType: null,
        text: '您已超速,请立即减速至80公里/小时以下',
      },
    ]);
    // The next command takes the next serial of this connection.
    const again = await t.runtime.messenger.sendText(vehicleId, '注意休息', { emergency: true });
    expect(again).toMatchObject({ result: 'delivered' });
    expect(v.texts[1]).toMatchObject({ serial: again.serial, flags: TEXT_FLAG.display | TEXT_FLAG.tts | 1 });
    expect(again.serial).not.toBe(r.serial);
  });

  it('reports a refusal as failed and an unsupported message as unsupported', async () => {
    const { v, vehicleId } = await online(2);
    v.textAnswer = 1;
    expect((await t.runtime.messenger.sendText(vehicleId, '请靠边停车')).result).toBe('failed');
    v.textAnswer = 3;
    expect((await t.runtime.messenger.sendText(vehicleId, '请靠边停车')).result).toBe('unsupported');
    v.textAnswer = 2;
    expect((await t.runtime.messenger.sendText(vehicleId, '请靠边停车')).result).toBe('unsupported');
  });

  it('speaks the 2019 body to a 2019 terminal', async () => {
    const { v, vehicleId } = await online(3, { phone: `00000000${demoTerminalPhone(3)}`, version: 2019 });
    const r = await t.runtime.messenger.sendText(vehicleId, '夜间禁行时段,请就近停车', { emergency: true });
    expect(r.result).toBe('delivered');
    expect(v.texts[0]).toMatchObject({ flags: 0b1110, textType: 1, text: '夜间禁行时段,请就近停车' });
  });

  it('times out when the terminal never answers, and a late answer changes nothing', async () => {
    const { v, vehicleId } = await online(4);
    v.textAnswer = null;
    const started = Date.now();
    const r = await t.runtime.messenger.sendText(vehicleId, '请回复', { timeoutMs: 300 });
    expect(r.result).toBe('timeout');
    expect(typeof r.serial).toBe('number');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(v.texts).toHaveLength(1);
    // The answer arrives after all, refusing: nobody waits for it, and it settles no later command.
    const late = { type: 'terminalResponse', replySerial: r.serial!, replyId: MSG.text, result: 1 } as const;
    v.sendRaw(encodeMessage({ phone: demoTerminalPhone(4), serial: v.takeSerial(), version: 2013 }, late));
    v.textAnswer = 0;
    expect((await t.runtime.messenger.sendText(vehicleId, '请回复')).result).toBe('delivered');
  });

  it('answers offline without a session, and when the connection closes before the answer', async () => {
    const idle = await database.db
      .selectFrom('vehicles')
      .select('id')
      .where('terminal_phone', '=', demoTerminalPhone(8))
      .executeTakeFirstOrThrow();
    expect(await t.runtime.messenger.sendText(idle.id, '在线吗')).toEqual({ result: 'offline' });

    const { v, vehicleId } = await online(5);
    v.textAnswer = null;
    const pending = t.runtime.messenger.sendText(vehicleId, '请回复');
    await expect.poll(() => v.texts.length).toBe(1);
    v.destroy();
    expect((await pending).result).toBe('offline');
    await expect.poll(() => [...t.gateway.sessions].some((s) => s.terminal?.vehicleId === vehicleId)).toBe(false);
    expect(await t.runtime.messenger.sendText(vehicleId, '在线吗')).toEqual({ result: 'offline' });
  });

  it('refuses an empty or too long text before sending anything', async () => {
    const { vehicleId } = await online(6);
    await expect(t.runtime.messenger.sendText(vehicleId, '')).rejects.toThrow(RangeError);
    await expect(t.runtime.messenger.sendText(vehicleId, '长'.repeat(MAX_TEXT_LENGTH + 1))).rejects.toThrow(RangeError);
    // The longest text (2 GBK bytes a character) fits one frame and arrives whole.
    const longest = '慢'.repeat(MAX_TEXT_LENGTH);
    expect((await t.runtime.messenger.sendText(vehicleId, longest)).result).toBe('delivered');
  });
});
