import type { Session } from './session.js';

/** A vehicle's terminal binding as the gateway needs it. */
export interface TerminalRecord {
  vehicleId: string;
  plate: string;
  plateColour: number;
  vin: string | null;
  organisationId: string;
  terminalId: string | null;
  authCode: string | null;
  registeredAt: Date | null;
}

/** Where the gateway looks up terminals (the vehicles table, in production). */
export interface TerminalDirectory {
  /** The active vehicle whose terminal phone is `phone` (12 or 20 digits, padding ignored). */
  find(phone: string): Promise<TerminalRecord | undefined>;
  /** Binds the terminal to the vehicle with this auth code; false when another terminal bound it meanwhile. */
  bind(vehicleId: string, terminalId: string, authCode: string): Promise<boolean>;
}

/** 2013 terminals send 12 BCD digits, 2019 ones 20: the same number, left-padded with zeros. */
export const canonicalPhone = (phone: string) => phone.replace(/^0+/, '');

/** Plates compare without separators and case: 浙F·D1234 = 浙FD1234 = 浙f d1234. */
export const normalisePlate = (plate: string) => plate.replace(/[\s·.\-_]/g, '').toUpperCase();

/** One terminal, one live connection: a newer authenticated connection replaces the older one. */
export class TerminalRegistry {
  private readonly sessions = new Map<string, Session>();

  /** Records `session` as the live one for `phone`; returns the one it replaces, if any. */
  claim(phone: string, session: Session): Session | undefined {
    const key = canonicalPhone(phone);
    const previous = this.sessions.get(key);
    this.sessions.set(key, session);
    return previous === session ? undefined : previous;
  }

  release(phone: string, session: Session): void {
    const key = canonicalPhone(phone);
    if (this.sessions.get(key) === session) this.sessions.delete(key);
  }

  get(phone: string): Session | undefined {
    return this.sessions.get(canonicalPhone(phone));
  }

  get size(): number {
    return this.sessions.size;
  }
}
