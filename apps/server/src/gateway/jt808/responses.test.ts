import { describe, expect, it } from 'vitest';
import { ByteWriter } from './fields.js';
import { checkResult, decodeResponse, encodeResponse } from './responses.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('general responses (0x0001 / 0x8001)', () => {
  it('reads reply serial, reply id and result', () => {
    expect(decodeResponse('platformResponse', hex('0007 0200 04'), 0, 5)).toEqual({
      type: 'platformResponse',
      replySerial: 7,
      replyId: 0x0200,
      result: 4,
    });
    expect(decodeResponse('terminalResponse', hex('0007 02'), 0, 3)).toMatchObject({ code: 'truncated' });
  });

  it('writes them, refusing results the message does not define', () => {
    const w = new ByteWriter();
    encodeResponse(w, { type: 'terminalResponse', replySerial: 1, replyId: 0x8300, result: 3 });
    expect(w.finish().toString('hex')).toBe('0001830003');
    // 4 (alarm confirmed) exists for 0x8001 only.
    expect(() => encodeResponse(w, { type: 'terminalResponse', replySerial: 1, replyId: 1, result: 4 })).toThrow(
      RangeError,
    );
    expect(() => checkResult(-1, 4)).toThrow(RangeError);
    expect(() => checkResult(1.5, 4)).toThrow(RangeError);
  });
});
