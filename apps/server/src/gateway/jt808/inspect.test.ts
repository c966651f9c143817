import { describe, expect, it } from 'vitest';
import { encodeMessage } from './codec.js';
import { inspectFrame, toWire } from './inspect.js';

// Frame #21 of the Traccar corpus, de-escaped as that file holds it.
const deEscaped = '7e0200001f01207646327900400000000000006002015c7ab706d20469003b0000000025040216362606013e6b7e';

describe('inspectFrame', () => {
  it('decodes wire hex with spaces and delimiters into JSON-ready values', () => {
    const wire = toWire(deEscaped).toString('hex').replace(/(..)/g, '$1 ');
    const out = inspectFrame(wire) as Record<string, unknown>;
    expect(out).toMatchObject({
      ok: true,
      header: { msgId: '0x0200', name: 'location', phone: '012076463279', serial: 64 },
      flags: [],
      message: {
        type: 'location',
        position: {
          time: '2025-04-02T08:36:26.000Z',
          latitude: 22.837943,
          longitude: 114.426985,
          alarms: [],
          alarm: '0x00000000',
          status: '0x00006002',
          statusFlags: { fixed: true, frontDoorOpen: true, middleDoorOpen: true, load: 'empty' },
          items: { raw: [{ id: 6, hex: '3e' }] },
        },
      },
    });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('accepts already de-escaped hex', () => {
    const withEscapes = encodeMessage({ phone: '013800138000', serial: 0x7e7d }, { type: 'heartbeat' });
    const plain = withEscapes.toString('hex').replace('7d027d01', '7e7d');
    expect(inspectFrame(plain)).toMatchObject({ ok: true, form: 'de-escaped', header: { serial: 0x7e7d } });
    expect(inspectFrame(withEscapes.toString('hex'))).toMatchObject({ ok: true, form: 'escaped' });
  });

  it('shows errors with the header', () => {
    const bad = toWire(deEscaped);
    bad[bad.length - 3] = bad[bad.length - 3]! ^ 1;
    expect(inspectFrame(bad.toString('hex'))).toMatchObject({
      ok: false,
      error: { code: 'bad_check_code' },
      header: { msgId: '0x0200' },
    });
  });

  it('names the alarms that are set', () => {
    const position = {
      alarm: (1 << 1) | (1 << 18),
      latitude: 30,
      longitude: 120,
      time: new Date('2026-01-01T00:00:00Z'),
    };
    const wire = encodeMessage({ phone: '1', serial: 1 }, { type: 'location', position });
    expect(inspectFrame(wire.toString('hex'))).toMatchObject({
      message: { position: { alarms: ['overspeed', 'dailyDrivingTimeout'], time: '2026-01-01T00:00:00.000Z' } },
    });
  });

  it.each(['', 'zz', '7e0', '7e 02 0g'])('returns bad_hex for %j', (input) => {
    expect(inspectFrame(input)).toMatchObject({ ok: false, error: { code: 'bad_hex' } });
  });
});
