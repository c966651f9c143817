import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeAnswer, PlatformResponder } from './answers.js';
import { decodeFrame, type Jt808Header } from './jt808/index.js';

const header = (h: Partial<Jt808Header>): Jt808Header => ({
  msgId: 0x0200,
  bodyLength: 28,
  encryption: 0,
  is2019: false,
  protocolVersion: 0,
  phone: '013912345678',
  serial: 7,
  packet: null,
  length: 12,
  ...h,
});

const general = (h: Jt808Header, serial: number, result: number) =>
  encodeAnswer(h, serial, { type: 'platformResponse', replySerial: h.serial, replyId: h.msgId, result });

describe('PlatformResponder (0x8001 on the hot path)', () => {
  it('writes the bytes the general encoder writes, for 2013 and 2019 terminals, escapes included', () => {
    const responder = new PlatformResponder();
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 255 }),
        fc.stringMatching(/^[0-9]{1,20}$/),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 4 }),
        (is2019, protocolVersion, digits, serial, replySerial, msgId, result) => {
          const phone = digits.padStart(is2019 ? 20 : 12, '0').slice(-(is2019 ? 20 : 12));
          const h = header({
            is2019,
            protocolVersion: is2019 ? protocolVersion : 0,
            phone,
            serial: replySerial,
            msgId,
          });
          expect(responder.encode(h, serial, result)).toEqual(general(h, serial, result));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('answers what the terminal decodes as the response to its report, serials with 0x7E/0x7D escaped', () => {
    const responder = new PlatformResponder();
    const h = header({ serial: 0x7e7d, msgId: 0x0200 });
    const frame = responder.encode(h, 0x7d7e, 0)!;
    expect(frame.subarray(1, -1).includes(0x7e)).toBe(false);
    const r = decodeFrame(frame);
    expect(r.ok && r.header.serial).toBe(0x7d7e);
    expect(r.ok && r.header.phone).toBe('013912345678');
    expect(r.ok && r.message).toEqual({ type: 'platformResponse', replySerial: 0x7e7d, replyId: 0x0200, result: 0 });
  });

  it('gives null, as the general encoder does, for a phone that cannot be written back', () => {
    const h = header({ phone: 'not-a-phone!' });
    expect(new PlatformResponder().encode(h, 1, 0)).toBeNull();
    expect(general(h, 1, 0)).toBeNull();
  });
});
