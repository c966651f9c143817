import type { Jt808Header } from './header.js';

/**
 * Why a frame was not decoded. Policy for devices that bend the standard:
 * - `bad_check_code`: rejected (a corrupt frame must not become a position); the header is returned when it parses,
 *   so that the server can answer 0x8001 with result 2 (bad message).
 * - a body-length field that disagrees with the real body is NOT an error: the real bytes are decoded and
 *   `flags.lengthMismatch` is set.
 * - `unsupported_message`: a well-formed frame whose id this codec does not decode (vendor 0x55xx, 0x0900 …);
 *   the header is returned so that the server can answer 0x8001 result 3.
 * - `internal`: a decoder bug caught at the boundary; it is counted like the others and never expected.
 */
export type DecodeErrorCode =
  | 'bad_hex'
  | 'bad_escape'
  | 'bad_check_code'
  | 'bad_length'
  | 'truncated'
  | 'unsupported_message'
  | 'encrypted'
  | 'bad_subpackage'
  | 'too_large'
  | 'internal';

export const DECODE_ERROR_CODES: readonly DecodeErrorCode[] = [
  'bad_hex',
  'bad_escape',
  'bad_check_code',
  'bad_length',
  'truncated',
  'unsupported_message',
  'encrypted',
  'bad_subpackage',
  'too_large',
  'internal',
];

/** A typed decoding failure: `code` is for programs and counters, `detail` for logs and people. */
export interface DecodeError {
  code: DecodeErrorCode;
  detail: string;
}

/** Deviations from the standard that were tolerated; the message is still usable. */
export interface DecodeFlags {
  /** The header's body length (bits 0–9) differs from the bytes present; the real bytes were decoded. */
  lengthMismatch: boolean;
  /** A variable part (additional item, batch item, parameter) ran past the body; everything before it is kept. */
  truncated: boolean;
  /** A BCD time was not a valid time; that position's `time` is null. */
  badTime: boolean;
  /** A count field (0x0704, 0x0104, 0x8103) disagrees with the items present. */
  countMismatch: boolean;
}

export function newFlags(): DecodeFlags {
  return { lengthMismatch: false, truncated: false, badTime: false, countMismatch: false };
}

export function decodeError(code: DecodeErrorCode, detail: string): DecodeError {
  return { code, detail };
}

/** A failed decode: the header is present whenever it parsed, so that the server can still answer the terminal. */
export interface DecodeFailure {
  ok: false;
  error: DecodeError;
  header: Jt808Header | null;
}

export function failure(error: DecodeError, header: Jt808Header | null = null): DecodeFailure {
  return { ok: false, error, header };
}

/** One counter per error code, for the gateway's metrics. */
export type DecodeErrorCounters = Record<DecodeErrorCode, number>;

/** All counters at zero. */
export function createErrorCounters(): DecodeErrorCounters {
  const counters = {} as DecodeErrorCounters;
  for (const code of DECODE_ERROR_CODES) counters[code] = 0;
  return counters;
}
