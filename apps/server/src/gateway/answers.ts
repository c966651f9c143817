import { encodeMessage, type Jt808Header, type PlatformResponse, type RegisterResponse } from './jt808/index.js';

/**
 * A platform answer to the terminal that sent `header`, in that header's version (a 2019 terminal gets a 2019
 * header with its 20-digit phone). Null when the phone cannot be written back (non-BCD nibbles from a broken device).
 */
export function encodeAnswer(
  header: Jt808Header,
  serial: number,
  message: PlatformResponse | RegisterResponse,
): Buffer | null {
  const head = {
    phone: header.phone,
    serial,
    version: header.is2019 ? 2019 : 2013,
    protocolVersion: header.protocolVersion,
  } as const;
  try {
    return encodeMessage(head, message);
  } catch {
    return null;
  }
}
