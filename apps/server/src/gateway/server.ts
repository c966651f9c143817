import net from 'node:net';
import { Ingest, type BatchWriter, type IngestOptions } from './ingest.js';
import type { LivePositionEvent } from './live.js';
import type { GatewayRuntime } from './runtime.js';
import { Session } from './session.js';
import type { SessionLimits } from './session-options.js';
import { TerminalRegistry, type TerminalDirectory } from './terminals.js';

export interface GatewayOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  maxConnections: number;
  limits: SessionLimits;
  ingest: IngestOptions;
  /** How often timeouts are checked; default 1 s. */
  sweepIntervalMs?: number;
  /** How long close() waits for terminals to take their last answers before cutting them; default 2 s. */
  closeGraceMs?: number;
}

export interface GatewayDeps {
  directory: TerminalDirectory;
  /** Commits one batch of positions (modules/vehicles insertPositions over the database, in production). */
  write: BatchWriter;
  runtime: GatewayRuntime;
  options: GatewayOptions;
  log?: (msg: string, err?: unknown) => void;
}

export interface RunningGateway {
  port: number;
  /** Live sessions (for tests and benchmarks). */
  readonly sessions: ReadonlySet<Session>;
  /** The durable batcher (benchmarks read its stage timings). */
  readonly ingest: Ingest;
  /** Stops accepting, drains in-flight batches and their acks, then closes every connection. */
  close(): Promise<void>;
}

/** The JT/T 808 TCP server: one Session per connection, all feeding one durable Ingest. */
export async function startGateway(deps: GatewayDeps): Promise<RunningGateway> {
  const { runtime, options } = deps;
  const { counters, hub, presence } = runtime;
  const ingest = new Ingest(
    deps.write,
    { ...options.ingest, onError: (err) => deps.log?.('batch failed', err) },
    counters,
  );
  ingest.onCommitted((subs) => {
    if (hub.listenerCount('positions') === 0) return;
    const events: LivePositionEvent[] = [];
    for (const s of subs)
      for (const position of s.records) events.push({ position, organisationId: s.organisationId, plate: s.plate });
    hub.emit('positions', events);
  });
  const registry = new TerminalRegistry();
  const sessions = new Set<Session>();
  const sessionDeps = {
    directory: deps.directory,
    ingest,
    counters,
    presence,
    hub,
    registry,
    limits: options.limits,
    ...(deps.log ? { log: deps.log } : {}),
  };

  const server = net.createServer({ noDelay: true }, (socket) => {
    counters.connectionsAccepted++;
    counters.connectionsOpen++;
    const session = new Session(socket, sessionDeps);
    sessions.add(session);
    socket.once('close', () => sessions.delete(session));
  });
  server.maxConnections = options.maxConnections;
  server.on('drop', () => counters.drop('too_many_connections'));
  server.on('error', (err) => deps.log?.('gateway server error', err));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  counters.port = port;
  counters.listening = true;
  counters.startedAt = new Date();
  // Text to a driver finds the vehicle's authenticated session by a scan: commands are rare (a monitor's reminder),
  // and a scan of even 20,000 sessions costs well under a millisecond, while an index would tax every login.
  const detachMessenger = runtime.messenger.attach((vehicleId) => {
    for (const s of sessions) if (!s.closed && s.terminal?.vehicleId === vehicleId) return s;
    return undefined;
  });

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const s of sessions) s.sweep(now);
  }, options.sweepIntervalMs ?? 1000);
  sweep.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweep);
      detachMessenger();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      counters.listening = false;
      for (const s of sessions) s.socket.pause();
      await ingest.drain();
      const ended = [...sessions].map(
        (s) => new Promise<void>((resolve) => (s.socket.closed ? resolve() : s.socket.once('close', () => resolve()))),
      );
      for (const s of sessions) s.close('shutdown');
      const grace = setTimeout(() => {
        for (const s of sessions) s.socket.destroy();
      }, options.closeGraceMs ?? 2000);
      await Promise.all(ended);
      clearTimeout(grace);
      await stopped;
    })());
  return { port, sessions, ingest, close };
}
