import { decodeError, type DecodeError } from './errors.js';
import { type ByteWriter, encodeText, readText } from './fields.js';
import type { Jt808Header } from './header.js';
import type { TerminalControl, TextMessage } from './messages.js';

/** 0x8300 flag bits shared by 2013 and 2019 (bit 0 is "emergency" in 2013 only). */
export const TEXT_FLAG = { emergency: 0x01, display: 0x04, tts: 0x08 } as const;

/** 0x8105 commands. */
export const CONTROL_COMMAND = {
  upgrade: 1,
  connectServer: 2,
  powerOff: 3,
  reset: 4,
  factoryReset: 5,
  closeDataLink: 6,
  closeWireless: 7,
} as const;

export function decodeTerminalControl(buf: Buffer, start: number, end: number): TerminalControl | DecodeError {
  if (end - start < 1) return decodeError('truncated', '0x8105 body is empty');
  return { type: 'terminalControl', command: buf[start]!, params: readText(buf, start + 1, end) };
}

export function encodeTerminalControl(w: ByteWriter, m: TerminalControl): void {
  w.u8(m.command).bytes(encodeText(m.params));
}

/** 0x8300. 2013: flag BYTE + text; 2019: flag BYTE + type BYTE + text. */
export function decodeText(header: Jt808Header, buf: Buffer, start: number, end: number): TextMessage | DecodeError {
  const fixed = header.is2019 ? 2 : 1;
  if (end - start < fixed) return decodeError('truncated', `0x8300 body is ${end - start} bytes, needs ${fixed}`);
  return {
    type: 'text',
    flags: buf[start]!,
    textType: header.is2019 ? buf[start + 1]! : null,
    text: readText(buf, start + fixed, end),
  };
}

export function encodeTextMessage(
  w: ByteWriter,
  version2019: boolean,
  m: { flags: number; textType?: number | null; text: string },
): void {
  w.u8(m.flags);
  if (version2019) w.u8(m.textType ?? 1);
  w.bytes(encodeText(m.text));
}
