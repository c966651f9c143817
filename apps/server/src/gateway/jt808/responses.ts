import { decodeError, type DecodeError } from './errors.js';
import type { ByteWriter } from './fields.js';
import type { PlatformResponse, TerminalResponse } from './messages.js';

/** 0x0001 and 0x8001 share a body: reply serial WORD, reply id WORD, result BYTE. */
export function decodeResponse<T extends 'terminalResponse' | 'platformResponse'>(
  type: T,
  buf: Buffer,
  start: number,
  end: number,
): { type: T; replySerial: number; replyId: number; result: number } | DecodeError {
  if (end - start < 5) return decodeError('truncated', `response body is ${end - start} bytes, needs 5`);
  return { type, replySerial: buf.readUInt16BE(start), replyId: buf.readUInt16BE(start + 2), result: buf[start + 4]! };
}

export function encodeResponse(w: ByteWriter, m: TerminalResponse | PlatformResponse): void {
  checkResult(m.result, m.type === 'platformResponse' ? 4 : 3);
  w.u16(m.replySerial).u16(m.replyId).u8(m.result);
}

/** Encoders take our own values: a result out of range is a programming error. */
export function checkResult(result: number, max: number): void {
  if (!Number.isInteger(result) || result < 0 || result > max)
    throw new RangeError(`result ${result} is not 0..${max}`);
}
