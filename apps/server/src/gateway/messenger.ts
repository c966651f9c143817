import { TEXT_FLAG, type Jt808MessageInput, type TerminalResponse } from './jt808/index.js';

/** Platform commands a terminal answers with a 0x0001 general response. */
export type TerminalCommand = Extract<Jt808MessageInput, { type: 'text' | 'setParams' | 'terminalControl' }>;

export type TextResult = 'delivered' | 'failed' | 'unsupported' | 'offline' | 'timeout';

export interface TextOptions {
  /** Read aloud (TTS); default true: a driver at the wheel hears, does not read. */
  tts?: boolean;
  /** Show on the terminal's display; default true. */
  display?: boolean;
  emergency?: boolean;
}

/** Longest text, characters: GBK takes at most 2 bytes a character, so the 0x8300 body fits one frame. */
export const MAX_TEXT_LENGTH = 500;

/** Sends text to a driver (0x8300) over the vehicle's live connection and reports what the terminal answered. */
export interface TerminalMessenger {
  /**
   * Resolves with the terminal's 0x0001 answer: result 0 → 'delivered', 1 → 'failed', 2 or 3 → 'unsupported';
   * 'offline' when the vehicle has no authenticated connection (or it closed before answering), 'timeout' when no
   * answer came in time. `serial` is the platform serial of the 0x8300, when one was sent. Never rejects, except a
   * RangeError for an empty text or one over MAX_TEXT_LENGTH (the caller's contract should prevent both).
   */
  sendText(vehicleId: string, text: string, opts?: TextOptions): Promise<{ result: TextResult; serial?: number }>;
}

/** What the messenger needs of a live, authenticated connection (Session implements it). */
export interface CommandChannel {
  /** The terminal speaks the 2019 protocol (its 0x8300 body differs). */
  readonly is2019: boolean;
  /**
   * Sends a command; returns its serial, or null when the connection can no longer carry it. `onAnswer` gets the
   * result of the terminal's 0x0001 to that serial, or null when the connection closes first. Throws on a message
   * that cannot be encoded.
   */
  command(message: TerminalCommand, onAnswer: (result: number | null) => void): number | null;
  /** Forgets a command whose answer nobody waits for any more. */
  cancelCommand(serial: number): void;
}

/** A connection's commands awaiting the terminal's 0x0001, by serial (used by Session). */
export class PendingCommands {
  private readonly waiting = new Map<number, { msgId: number; onAnswer: (result: number | null) => void }>();

  add(serial: number, msgId: number, onAnswer: (result: number | null) => void): void {
    this.waiting.set(serial, { msgId, onAnswer });
  }

  cancel(serial: number): void {
    this.waiting.delete(serial);
  }

  /** A 0x0001 from the terminal: settles the command it answers (same serial and message id), if one waits. */
  answered(m: TerminalResponse): void {
    const w = this.waiting.get(m.replySerial);
    if (!w || w.msgId !== m.replyId) return;
    this.waiting.delete(m.replySerial);
    w.onAnswer(m.result);
  }

  /** The connection closed: nobody will answer what waits. */
  closed(): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.onAnswer(null);
  }
}

/** Finds the live connection of a vehicle. */
export type ChannelLookup = (vehicleId: string) => CommandChannel | undefined;

/**
 * 0x8300 flag byte and text type. 2013 (and 2011): bit 0 emergency, bit 2 display, bit 3 TTS. 2019: bits 0–1 are
 * the kind (01 service, 10 emergency, 11 notice), bits 2 and 3 as before, and a text type byte follows (1 notice).
 */
export function textFlags(opts: TextOptions, is2019: boolean): { flags: number; textType: number | null } {
  let flags = 0;
  if (opts.display ?? true) flags |= TEXT_FLAG.display;
  if (opts.tts ?? true) flags |= TEXT_FLAG.tts;
  if (!is2019) return { flags: flags | (opts.emergency ? TEXT_FLAG.emergency : 0), textType: null };
  return { flags: flags | (opts.emergency ? 0b10 : 0b11), textType: 1 };
}

const RESULTS: Record<number, TextResult> = { 0: 'delivered', 1: 'failed', 2: 'unsupported', 3: 'unsupported' };

/**
 * The runtime's messenger: idle ('offline' for everyone) until a running gateway attaches its sessions, and again
 * after it detaches on close.
 */
export class GatewayMessenger implements TerminalMessenger {
  private lookup: ChannelLookup | null = null;

  constructor(private readonly o: { timeoutMs?: number } = {}) {}

  /** Plugs in the running gateway's sessions; returns the function that unplugs them. */
  attach(lookup: ChannelLookup): () => void {
    this.lookup = lookup;
    return () => {
      if (this.lookup === lookup) this.lookup = null;
    };
  }

  sendText(
    vehicleId: string,
    text: string,
    opts: TextOptions & { timeoutMs?: number } = {},
  ): Promise<{ result: TextResult; serial?: number }> {
    if (text.length === 0 || text.length > MAX_TEXT_LENGTH) {
      return Promise.reject(new RangeError(`text must have 1 to ${MAX_TEXT_LENGTH} characters`));
    }
    const channel = this.lookup?.(vehicleId);
    if (!channel) return Promise.resolve({ result: 'offline' });
    return new Promise((resolve) => {
      // The answer settles what the timer would: whichever comes first wins, the other finds nothing to do.
      const sent: { serial: number | null; timer?: NodeJS.Timeout } = { serial: null };
      const onAnswer = (result: number | null) => {
        clearTimeout(sent.timer);
        const serial = sent.serial ?? undefined;
        resolve({
          result: result === null ? 'offline' : (RESULTS[result] ?? 'failed'),
          ...(serial === undefined ? {} : { serial }),
        });
      };
      try {
        sent.serial = channel.command({ type: 'text', text, ...textFlags(opts, channel.is2019) }, onAnswer);
      } catch {
        return resolve({ result: 'failed' });
      }
      const serial = sent.serial;
      if (serial === null) return resolve({ result: 'offline' });
      sent.timer = setTimeout(
        () => {
          channel.cancelCommand(serial);
          resolve({ result: 'timeout', serial });
        },
        opts.timeoutMs ?? this.o.timeoutMs ?? 10_000,
      );
    });
  }
}
