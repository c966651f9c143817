import type { GatewayStats } from '@anlan/contracts';
import { createErrorCounters, type DecodeErrorCode } from './jt808/index.js';

/** Why a connection was closed by the gateway (or by its terminal). */
export type DropReason =
  | 'idle'
  | 'no_valid_frame'
  | 'not_authenticated'
  | 'garbage'
  | 'buffer'
  | 'replaced'
  | 'too_many_connections'
  | 'shutdown'
  | 'logout'
  | 'peer_closed'
  | 'socket_error';

/** Names of the answers counted: 0x8001 results by name, 0x8100 results by name. */
export type AnswerName =
  | 'ok'
  | 'failure'
  | 'badMessage'
  | 'unsupported'
  | 'registered'
  | 'vehicleRegistered'
  | 'noSuchVehicle'
  | 'noSuchTerminal'
  | 'authFailed'
  | 'notAuthenticated'
  | 'unencodable';

const LATENCY_WINDOW = 1024;

/** Every counter of the gateway, mutated in place on the hot path and copied out by `snapshot()`. */
export class GatewayCounters {
  startedAt: Date | null = null;
  port: number | null = null;
  listening = false;
  connectionsOpen = 0;
  connectionsAuthenticated = 0;
  connectionsAccepted = 0;
  framesValid = 0;
  framesInvalid = 0;
  positionsReceived = 0;
  positionsCommitted = 0;
  positionsDuplicate = 0;
  positionsRefused = 0;
  positionsQueued = 0;
  batchesCommitted = 0;
  batchesFailed = 0;
  batchesInFlight = 0;
  liveSubscribers = 0;
  readonly errors = createErrorCounters();
  readonly answers: Record<string, number> = {};
  readonly drops: Record<string, number> = {};
  private readonly latencies = new Float64Array(LATENCY_WINDOW);
  private latencyCount = 0;

  decodeError(code: DecodeErrorCode): void {
    this.framesInvalid++;
    this.errors[code]++;
  }

  answer(name: AnswerName): void {
    this.answers[name] = (this.answers[name] ?? 0) + 1;
  }

  drop(reason: DropReason): void {
    this.drops[reason] = (this.drops[reason] ?? 0) + 1;
  }

  commitLatency(ms: number): void {
    this.latencies[this.latencyCount++ % LATENCY_WINDOW] = ms;
  }

  /** p50, p99 and max of the last 1024 batch commits. */
  latency(): { p50: number; p99: number; max: number } {
    const n = Math.min(this.latencyCount, LATENCY_WINDOW);
    if (n === 0) return { p50: 0, p99: 0, max: 0 };
    const sorted = Array.from(this.latencies.subarray(0, n)).sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(n - 1, Math.floor(q * n))]! * 10) / 10;
    return { p50: at(0.5), p99: at(0.99), max: at(1) };
  }

  snapshot(): GatewayStats {
    return {
      startedAt: this.startedAt?.toISOString() ?? null,
      listening: this.listening,
      port: this.port,
      connections: {
        open: this.connectionsOpen,
        authenticated: this.connectionsAuthenticated,
        accepted: this.connectionsAccepted,
      },
      frames: { valid: this.framesValid, invalid: this.framesInvalid },
      positions: {
        received: this.positionsReceived,
        committed: this.positionsCommitted,
        duplicates: this.positionsDuplicate,
        refused: this.positionsRefused,
        queued: this.positionsQueued,
      },
      batches: { committed: this.batchesCommitted, failed: this.batchesFailed, inFlight: this.batchesInFlight },
      commitLatencyMs: this.latency(),
      errors: { ...this.errors },
      answers: { ...this.answers },
      drops: { ...this.drops },
      liveSubscribers: this.liveSubscribers,
    };
  }
}
