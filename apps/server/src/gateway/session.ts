import type { Socket } from 'node:net';
import {
  decodeBody,
  decodeFrame,
  encodeMessage,
  FrameSplitter,
  MSG,
  REGISTER_RESULT,
  RESULT,
  SubpackageAssembler,
  type DecodeResult,
  type Jt808Header,
  type Jt808Message,
  type LocationReport,
  type Register,
  type RegisterResponse,
} from './jt808/index.js';
import { encodeAnswer, PlatformResponder } from './answers.js';
import { PendingCommands, type CommandChannel, type TerminalCommand } from './messenger.js';
import { toPositionRecord } from './position-record.js';
import { MAX_AUTH_FAILURES, REGISTER_NAMES, RESULT_NAMES, type SessionDeps } from './session-options.js';
import type { DropReason } from './stats.js';
import { decideRegistration } from './registration.js';
import type { TerminalRecord } from './terminals.js';

/**
 * One terminal connection: registration (0x0100) → authentication (0x0102) → reports, answered per JT/T 808.
 * Positions are acknowledged only after their batch commits (see Ingest). Register and authenticate need the
 * database, so the session pauses reading while one is looked up and keeps later frames in order behind it.
 */
export class Session implements CommandChannel {
  terminal: TerminalRecord | null = null;
  phone: string | null = null;
  closed = false;
  readonly connectedAt: number;
  private lastValidAt = 0;
  private validBytes = 0;
  private invalidBytes = 0;
  private unacked = 0;
  private serial = 0;
  private readonly responder = new PlatformResponder();
  private authFailures = 0;
  private busy = false;
  private corked = false;
  // When the bytes being handled were read (stage timings of the ingest).
  private readAt = 0;
  // Frames read but held back while a lookup runs or the connection is over its unacked bound; the socket is paused
  // meanwhile, so this holds at most the rest of one read.
  private backlog: Buffer[] = [];
  private backlogHead = 0;
  private readonly pauses = new Set<'control' | 'backpressure'>();
  private readonly splitter: FrameSplitter;
  private assembler: SubpackageAssembler | null = null;
  // The authentication's header: commands go out in the terminal's own version and phone.
  private authHeader: Jt808Header | null = null;
  // Our commands awaiting the terminal's 0x0001; created on the first command.
  private commands: PendingCommands | null = null;

  constructor(
    readonly socket: Socket,
    private readonly d: SessionDeps,
  ) {
    this.connectedAt = Date.now();
    this.splitter = new FrameSplitter({ maxFrameBytes: d.limits.maxFrameBytes });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close('socket_error'));
    socket.on('close', () => this.close('peer_closed'));
  }

  get is2019(): boolean {
    return this.authHeader?.is2019 ?? false;
  }

  /**
   * Sends a platform command to the authenticated terminal (CommandChannel): its serial, or null when the
   * connection is closed or not authenticated. The terminal's 0x0001 to that serial and id calls `onAnswer`.
   */
  command(message: TerminalCommand, onAnswer: (result: number | null) => void): number | null {
    const head = this.authHeader;
    if (this.closed || !this.terminal || !head) return null;
    const serial = this.serial;
    const version = head.is2019 ? 2019 : 2013;
    const frame = encodeMessage({ phone: head.phone, serial, version, protocolVersion: head.protocolVersion }, message);
    this.serial = (serial + 1) & 0xffff;
    (this.commands ??= new PendingCommands()).add(serial, MSG[message.type], onAnswer);
    this.write(frame);
    return serial;
  }

  cancelCommand(serial: number): void {
    this.commands?.cancel(serial);
  }

  /** Positions of this connection waiting for their commit. */
  get pendingPositions(): number {
    return this.unacked;
  }

  /** Called about once a second by the server: timeouts and subpackage expiry. */
  sweep(now: number): void {
    const l = this.d.limits;
    if (this.lastValidAt === 0 && now - this.connectedAt > l.firstFrameTimeoutMs) this.close('no_valid_frame');
    else if (!this.terminal && now - this.connectedAt > l.authTimeoutMs) this.close('not_authenticated');
    // A terminal waiting for our answers is not idle: the wait is ours.
    else if (this.lastValidAt !== 0 && this.unacked === 0 && now - this.lastValidAt > l.idleTimeoutMs)
      this.close('idle');
    else this.assembler?.expire(now);
  }

  /** Stops the connection; 'shutdown' lets queued answers reach the terminal first. */
  close(reason: DropReason): void {
    if (this.closed) return;
    this.closed = true;
    this.d.counters.drop(reason);
    this.d.counters.connectionsOpen--;
    this.unauthenticate();
    if (reason === 'shutdown' || reason === 'logout') this.socket.end();
    else this.socket.destroy();
    this.commands?.closed();
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.readAt = performance.now();
    const garbageBefore = this.splitter.stats.garbageBytes;
    const frames = this.splitter.push(chunk);
    this.invalidBytes += this.splitter.stats.garbageBytes - garbageBefore;
    for (const frame of frames) {
      if (this.holding()) this.backlog.push(frame);
      else this.onFrame(frame);
      if (this.closed) return;
    }
    this.checkGarbage();
  }

  private holding(): boolean {
    return this.busy || this.pauses.has('backpressure') || this.backlogHead < this.backlog.length;
  }

  /** Replays held frames in order until something holds them again. */
  private replay(): void {
    while (!this.busy && !this.pauses.has('backpressure') && !this.closed && this.backlogHead < this.backlog.length) {
      this.onFrame(this.backlog[this.backlogHead++]!);
    }
    if (this.backlogHead === this.backlog.length) {
      this.backlog = [];
      this.backlogHead = 0;
    }
    if (!this.closed) this.checkGarbage();
  }

  private checkGarbage(): void {
    if (this.invalidBytes > this.d.limits.garbageAllowanceBytes && this.invalidBytes > this.validBytes) {
      this.close('garbage');
    }
  }

  private onFrame(frame: Buffer): void {
    const r = decodeFrame(frame, { maxFrameBytes: this.d.limits.maxFrameBytes });
    if (!r.ok) return this.onInvalid(r, frame.length);
    this.valid(frame.length);
    const { header, message } = r;
    if (message.type !== 'part') return this.onMessage(header, message);
    this.assembler ??= new SubpackageAssembler(this.d.limits.subpackage);
    const whole = this.assembler.add(header, message.body, Date.now());
    if (whole.status === 'rejected') {
      this.d.counters.errors[whole.error.code]++;
      this.respond(header, RESULT.badMessage);
    } else if (whole.status === 'complete') {
      const decoded = decodeBody(whole.header, whole.body);
      if (decoded.ok) this.onMessage(decoded.header, decoded.message);
      else this.onInvalid(decoded, 0);
    }
  }

  private valid(bytes: number): void {
    this.d.counters.framesValid++;
    this.validBytes += bytes;
    this.lastValidAt = Date.now();
    if (this.terminal) this.d.presence.seen(this.terminal.vehicleId, this.lastValidAt);
  }

  private onInvalid(r: Extract<DecodeResult, { ok: false }>, bytes: number): void {
    this.d.counters.decodeError(r.error.code);
    this.invalidBytes += bytes;
    if (!r.header) return;
    // A frame whose header parsed is answered, so that the terminal does not wait for a timeout to resend.
    if (r.error.code === 'unsupported_message' || r.error.code === 'encrypted') {
      this.respond(r.header, RESULT.unsupported);
    } else {
      this.respond(r.header, RESULT.badMessage);
    }
  }

  private onMessage(header: Jt808Header, m: Jt808Message): void {
    switch (m.type) {
      case 'location':
        return this.report(header, [m.position]);
      case 'batchLocation':
        return this.report(header, m.positions);
      case 'heartbeat':
        return this.respond(header, RESULT.ok);
      case 'register':
        return this.control(() => this.register(header, m));
      case 'auth':
        return this.control(() => this.authenticate(header, m.code));
      case 'logout':
        this.respond(header, RESULT.ok);
        return this.close('logout');
      case 'terminalResponse':
        // Answers to our own commands: nothing to answer back.
        return void this.commands?.answered(m);
      case 'paramsAnswer':
        return;
      case 'platformResponse':
      case 'registerResponse':
      case 'setParams':
      case 'queryParams':
      case 'queryParamsById':
      case 'terminalControl':
      case 'text':
      case 'part':
        // Platform messages sent by a terminal: decodable, but not for us to receive.
        return this.respond(header, RESULT.unsupported);
      default:
        return exhaustive(m);
    }
  }

  private report(header: Jt808Header, positions: LocationReport[]): void {
    const terminal = this.terminal;
    const n = positions.length;
    if (!terminal) {
      this.d.counters.positionsRefused += n;
      this.d.counters.answer('notAuthenticated');
      return this.respond(header, RESULT.failure, false);
    }
    if (n === 0) return this.respond(header, RESULT.ok);
    const receivedAt = new Date();
    const records = positions.map((p) => toPositionRecord(terminal.vehicleId, p, receivedAt));
    this.d.counters.positionsReceived += n;
    this.unacked += n;
    this.d.ingest.submit({
      records,
      organisationId: terminal.organisationId,
      plate: terminal.plate,
      readAt: this.readAt,
      done: (durable) => {
        this.unacked -= n;
        if (this.closed) return;
        this.respond(header, durable ? RESULT.ok : RESULT.failure);
        if (this.unacked <= this.d.limits.maxUnackedPositions / 2 && this.pauses.has('backpressure')) {
          this.resume('backpressure');
        }
      },
    });
    if (this.unacked > this.d.limits.maxUnackedPositions) this.pause('backpressure');
  }

  /** Runs a database-backed step with reading paused and later frames held back, then replays them in order. */
  private control(step: () => Promise<void>): void {
    this.busy = true;
    this.pause('control');
    step()
      .catch((err: unknown) => this.d.log?.('terminal lookup failed', err))
      .finally(() => {
        this.busy = false;
        this.resume('control');
      });
  }

  private async register(header: Jt808Header, m: Register): Promise<void> {
    const t = await this.d.directory.find(header.phone);
    let { result, authCode } = decideRegistration(t, m);
    // Compare-and-set: another terminal may have bound the vehicle since the lookup.
    if (t && authCode && !(await this.d.directory.bind(t.vehicleId, m.terminalId, authCode))) {
      result = REGISTER_RESULT.vehicleRegistered;
      authCode = null;
    }
    if (this.closed) return;
    this.d.counters.answer(REGISTER_NAMES[result]!);
    this.send(header, { type: 'registerResponse', replySerial: header.serial, result, authCode });
  }

  private async authenticate(header: Jt808Header, code: string): Promise<void> {
    const t = await this.d.directory.find(header.phone);
    if (this.closed) return;
    if (!t || !t.authCode || t.authCode !== code) {
      this.d.counters.answer('authFailed');
      this.respond(header, RESULT.failure, false);
      if (++this.authFailures >= MAX_AUTH_FAILURES) this.close('not_authenticated');
      return;
    }
    this.unauthenticate();
    this.terminal = t;
    this.phone = header.phone;
    this.authHeader = header;
    this.d.counters.connectionsAuthenticated++;
    this.d.registry.claim(header.phone, this)?.close('replaced');
    this.d.presence.connect(t.vehicleId);
    this.d.hub.emit('presence', t.vehicleId, true);
    this.respond(header, RESULT.ok);
  }

  private unauthenticate(): void {
    const t = this.terminal;
    if (!t || !this.phone) return;
    this.d.registry.release(this.phone, this);
    this.d.presence.disconnect(t.vehicleId);
    this.d.counters.connectionsAuthenticated--;
    this.d.hub.emit('presence', t.vehicleId, this.d.presence.isOnline(t.vehicleId));
    this.terminal = null;
    this.phone = null;
    this.authHeader = null;
  }

  private respond(header: Jt808Header, result: number, count = true): void {
    if (count) this.d.counters.answer(RESULT_NAMES[result] ?? 'failure');
    if (this.closed) return;
    this.sendFrame(this.responder.encode(header, this.serial, result));
  }

  private send(header: Jt808Header, message: RegisterResponse): void {
    if (this.closed) return;
    this.sendFrame(encodeAnswer(header, this.serial, message));
  }

  private sendFrame(frame: Buffer | null): void {
    this.serial = (this.serial + 1) & 0xffff;
    if (!frame) return void this.d.counters.answer('unencodable');
    this.write(frame);
  }

  private write(frame: Buffer): void {
    // Answers written in one tick (all the acks of one commit) leave in one writev rather than a syscall each.
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(frame);
    if (this.socket.writableLength > this.d.limits.maxWriteBufferBytes) this.close('buffer');
  }

  private pause(why: 'control' | 'backpressure'): void {
    if (this.pauses.size === 0) this.socket.pause();
    this.pauses.add(why);
  }

  private resume(why: 'control' | 'backpressure'): void {
    if (!this.pauses.delete(why) || this.closed) return;
    this.replay();
    // Replaying may have paused again (another lookup, the bound reached again).
    if (this.pauses.size === 0 && !this.closed) this.socket.resume();
  }
}

function exhaustive(m: never): never {
  throw new TypeError(`unhandled message ${JSON.stringify(m)}`);
}
