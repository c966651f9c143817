import type { Config } from '../config.js';
import type { DatabaseKind } from '../db/client.js';
import type { GatewayOptions } from './server.js';

/** Frames are at most 1023 body bytes + a 21-byte header; escaped, that stays under 4 KiB. */
export const MAX_FRAME_BYTES = 4096;

/** The gateway's settings from the configuration; PGlite, one connection, commits one batch at a time. */
export function gatewayOptions(config: Config, kind: DatabaseKind): GatewayOptions {
  return {
    host: config.jt808Host,
    port: config.jt808Port,
    maxConnections: config.jt808MaxConnections,
    limits: {
      maxFrameBytes: MAX_FRAME_BYTES,
      maxUnackedPositions: config.jt808MaxUnacked,
      maxWriteBufferBytes: 256 * 1024,
      garbageAllowanceBytes: 8 * 1024,
      idleTimeoutMs: config.jt808IdleTimeoutMs,
      firstFrameTimeoutMs: config.jt808FirstFrameTimeoutMs,
      authTimeoutMs: Math.max(60_000, 2 * config.jt808FirstFrameTimeoutMs),
      subpackage: { maxParts: 256, maxBytes: 256 * 1024, maxPending: 8, timeoutMs: 30_000 },
    },
    ingest: {
      batchSize: config.ingestBatchSize,
      maxDelayMs: config.ingestBatchDelayMs,
      concurrency: kind === 'pglite' ? 1 : config.ingestConcurrency,
    },
  };
}
