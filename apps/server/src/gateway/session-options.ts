import type { Ingest } from './ingest.js';
import type { SubpackageLimits } from './jt808/index.js';
import type { LiveHub } from './live.js';
import type { Presence } from './presence.js';
import type { AnswerName, GatewayCounters } from './stats.js';
import type { TerminalDirectory, TerminalRegistry } from './terminals.js';

export interface SessionLimits {
  /** Largest frame, escaped bytes between the 0x7E delimiters. */
  maxFrameBytes: number;
  /** Reading pauses while this many positions of the connection wait for their commit. */
  maxUnackedPositions: number;
  /** A terminal that does not read its answers is dropped once this many bytes wait to be sent. */
  maxWriteBufferBytes: number;
  /** Invalid bytes (garbage, undecodable frames) tolerated before the connection must be mostly valid. */
  garbageAllowanceBytes: number;
  idleTimeoutMs: number;
  /** Slow-loris: a connection that sends no valid frame this long after connecting is dropped. */
  firstFrameTimeoutMs: number;
  /** A connection that has not authenticated this long after connecting is dropped. */
  authTimeoutMs: number;
  subpackage: SubpackageLimits;
}

export interface SessionDeps {
  directory: TerminalDirectory;
  ingest: Ingest;
  counters: GatewayCounters;
  presence: Presence;
  hub: LiveHub;
  registry: TerminalRegistry;
  limits: SessionLimits;
  log?: (msg: string, err?: unknown) => void;
}

export const MAX_AUTH_FAILURES = 5;
export const RESULT_NAMES: Record<number, AnswerName> = { 0: 'ok', 1: 'failure', 2: 'badMessage', 3: 'unsupported' };
export const REGISTER_NAMES: Record<number, AnswerName> = {
  0: 'registered',
  1: 'vehicleRegistered',
  2: 'noSuchVehicle',
  3: 'registered',
  4: 'noSuchTerminal',
};
