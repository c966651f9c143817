import net from 'node:net';
import {
  decodeFrame,
  encodeMessage,
  FrameSplitter,
  MSG,
  type Jt808MessageInput,
  type Jt808Version,
  type LocationInput,
} from '../../../apps/server/src/gateway/jt808/index.js';

export interface TerminalOptions {
  host: string;
  port: number;
  /** 12 digits (2013) or up to 20 (2019). */
  phone: string;
  plate: string;
  plateColour?: number;
  terminalId: string;
  version?: Jt808Version;
  /** Seconds to wait for an answer to register, authenticate or heartbeat; default 10. */
  answerTimeoutS?: number;
}

/** Positions the platform acknowledged (0x8001 result 0 to a 0x0200 or 0x0704), with the time it took. */
export type AckListener = (phone: string, times: readonly Date[], latencyMs: number) => void;

interface Waiting {
  resolve(result: { result: number; authCode: string | null }): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

interface Unacked {
  times: Date[];
  sentAt: number;
}

/**
 * One virtual JT/T 808 terminal over a real TCP connection. Reports are fire-and-track: each is remembered by its
 * serial until the platform's 0x8001 answers it, so callers can bound what is in flight (`inFlight`).
 */
export class VirtualTerminal {
  acked = 0;
  refused = 0;
  sentPositions = 0;
  onAck: AckListener | undefined;
  /** Texts the platform sent to the driver (0x8300), oldest first (the last 100). */
  readonly texts: { serial: number; flags: number; textType: number | null; text: string }[] = [];
  /** What this terminal answers a 0x8300 with (0x0001 result: 0 ok, 1 failure, 3 unsupported); null: no answer. */
  textAnswer: number | null = 0;
  /** The last 100 answers (0x8001, 0x8100) as received, for tests that send frames by hand. */
  readonly answers: { msgId: number; replySerial: number; replyId: number | null; result: number }[] = [];
  private socket: net.Socket | null = null;
  private serial = 0;
  private readonly waiting = new Map<number, Waiting>();
  private readonly unacked = new Map<number, Unacked>();
  private readonly splitter = new FrameSplitter();
  private closedErr: Error | null = null;

  constructor(readonly o: TerminalOptions) {}

  get inFlight(): number {
    return this.unacked.size;
  }

  get connected(): boolean {
    return this.socket !== null && !this.socket.destroyed && this.closedErr === null;
  }

  /** False while the socket's send buffer is full: wait for 'drain' before sending more. */
  get writable(): boolean {
    return this.socket !== null && !this.socket.writableNeedDrain;
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.o.host, port: this.o.port, noDelay: true });
      this.socket = socket;
      this.closedErr = null;
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve();
      });
      socket.once('error', reject);
      socket.on('error', () => {});
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('close', () => this.onClose());
    });
  }

  /** 0x0100 → 0x8100: the result and, when 0, the auth code. */
  register(): Promise<{ result: number; authCode: string | null }> {
    const v = this.o.version ?? 2013;
    return this.request({
      type: 'register',
      version: v,
      province: 33,
      city: 400,
      maker: 'ANLAN',
      model: 'SIM-808',
      terminalId: this.o.terminalId,
      plateColour: this.o.plateColour ?? 2,
      plate: this.o.plate,
    });
  }

  /** 0x0102 → 0x8001: the result (0 ok, 1 refused). */
  async authenticate(code: string): Promise<number> {
    return (await this.request({ type: 'auth', code, imei: '860000000000001', softwareVersion: 'anlan-sim-1' })).result;
  }

  async heartbeat(): Promise<number> {
    return (await this.request({ type: 'heartbeat' })).result;
  }

  /** Registers unless a code is given, then authenticates; throws with the refusing result. */
  async login(authCode?: string): Promise<string> {
    let code = authCode;
    if (!code) {
      const r = await this.register();
      if (r.result !== 0 || r.authCode === null)
        throw new Error(`${this.o.phone}: registration refused with result ${r.result}`);
      code = r.authCode;
    }
    const result = await this.authenticate(code);
    if (result !== 0) throw new Error(`${this.o.phone}: authentication refused with result ${result}`);
    return code;
  }

  /** Sends one 0x0200. */
  report(position: LocationInput): void {
    const serial = this.send({ type: 'location', position });
    this.unacked.set(serial, { times: [position.time], sentAt: performance.now() });
    this.sentPositions++;
  }

  /** Sends one 0x0704; type 1 is blind-area back-fill. At most ~20 positions fit one frame. */
  reportBatch(positions: LocationInput[], dataType: 0 | 1): void {
    const serial = this.send({ type: 'batchLocation', dataType, positions });
    this.unacked.set(serial, { times: positions.map((p) => p.time), sentAt: performance.now() });
    this.sentPositions += positions.length;
  }

  /** Holds writes until `uncork()`: a tick's reports leave in one writev. */
  cork(): void {
    this.socket?.cork();
  }

  uncork(): void {
    this.socket?.uncork();
  }

  /** Sends raw bytes (tests of broken frames). */
  sendRaw(bytes: Uint8Array): void {
    this.socket?.write(bytes);
  }

  /** The next outgoing serial: what a hand-made frame should carry to be told apart in `answers`. */
  takeSerial(): number {
    const serial = this.serial;
    this.serial = (this.serial + 1) & 0xffff;
    return serial;
  }

  /** Waits for an answer to `replySerial` (hand-made frames); rejects after `timeoutMs`. */
  async answerTo(
    replySerial: number,
    timeoutMs = 5000,
  ): Promise<{ msgId: number; replyId: number | null; result: number }> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const a = this.answers.find((x) => x.replySerial === replySerial);
      if (a) return { msgId: a.msgId, replyId: a.replyId, result: a.result };
      if (Date.now() > end) throw new Error(`${this.o.phone}: no answer to serial ${replySerial}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`. */
  async settle(timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.unacked.size > 0 && Date.now() < end && this.connected) await new Promise((r) => setTimeout(r, 5));
  }

  close(): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
  }

  destroy(): void {
    this.socket?.destroy();
  }

  private send(message: Jt808MessageInput): number {
    const serial = this.serial;
    this.serial = (this.serial + 1) & 0xffff;
    const frame = encodeMessage({ phone: this.o.phone, serial, version: this.o.version ?? 2013 }, message);
    if (!this.socket || this.closedErr) throw this.closedErr ?? new Error('not connected');
    this.socket.write(frame);
    return serial;
  }

  private request(message: Jt808MessageInput): Promise<{ result: number; authCode: string | null }> {
    return new Promise((resolve, reject) => {
      let serial: number;
      try {
        serial = this.send(message);
      } catch (err) {
        reject(err as Error);
        return;
      }
      const timer = setTimeout(
        () => {
          this.waiting.delete(serial);
          reject(new Error(`${this.o.phone}: no answer to 0x${MSG[message.type].toString(16)}`));
        },
        (this.o.answerTimeoutS ?? 10) * 1000,
      );
      this.waiting.set(serial, { resolve, reject, timer });
    });
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.splitter.push(chunk)) {
      const r = decodeFrame(frame);
      if (!r.ok) continue;
      const m = r.message;
      if (m.type === 'text') {
        this.onText(r.header.serial, m);
        continue;
      }
      if (m.type !== 'platformResponse' && m.type !== 'registerResponse') continue;
      this.answers.push({
        msgId: r.header.msgId,
        replySerial: m.replySerial,
        replyId: m.type === 'platformResponse' ? m.replyId : null,
        result: m.result,
      });
      if (this.answers.length > 100) this.answers.shift();
      const waiting = this.waiting.get(m.replySerial);
      if (waiting) {
        this.waiting.delete(m.replySerial);
        clearTimeout(waiting.timer);
        waiting.resolve({ result: m.result, authCode: m.type === 'registerResponse' ? m.authCode : null });
        continue;
      }
      const sent = m.type === 'platformResponse' ? this.unacked.get(m.replySerial) : undefined;
      if (!sent) continue;
      this.unacked.delete(m.replySerial);
      if (m.result === 0) {
        this.acked += sent.times.length;
        this.onAck?.(this.o.phone, sent.times, performance.now() - sent.sentAt);
      } else {
        this.refused += sent.times.length;
      }
    }
  }

  private onText(serial: number, m: { flags: number; textType: number | null; text: string }): void {
    this.texts.push({ serial, flags: m.flags, textType: m.textType, text: m.text });
    if (this.texts.length > 100) this.texts.shift();
    if (this.textAnswer === null || !this.connected) return;
    this.send({ type: 'terminalResponse', replySerial: serial, replyId: MSG.text, result: this.textAnswer });
  }

  private onClose(): void {
    this.closedErr = new Error(`${this.o.phone}: connection closed`);
    for (const [serial, w] of this.waiting) {
      clearTimeout(w.timer);
      w.reject(this.closedErr);
      this.waiting.delete(serial);
    }
  }
}
