import { randomBytes } from 'node:crypto';
import { REGISTER_RESULT, type Register } from './jt808/index.js';
import { normalisePlate, type TerminalRecord } from './terminals.js';

/** What to answer a 0x0100, and the binding to store when it is accepted. */
export type RegistrationDecision =
  | { result: typeof REGISTER_RESULT.ok; authCode: string }
  | { result: Exclude<(typeof REGISTER_RESULT)[keyof typeof REGISTER_RESULT], 0>; authCode: null };

/**
 * The 0x8100 result for a registration: 4 for a phone no vehicle has, 2 when the plate (or VIN) does not match the
 * vehicle, 1 when another terminal is bound to the vehicle; else 0. A terminal registering again (it lost its code,
 * or was re-flashed) gets its code back.
 */
export function decideRegistration(t: TerminalRecord | undefined, m: Register): RegistrationDecision {
  if (!t) return { result: REGISTER_RESULT.noSuchTerminal, authCode: null };
  if (!plateMatches(t, m)) return { result: REGISTER_RESULT.noSuchVehicle, authCode: null };
  if (t.registeredAt && t.terminalId && t.terminalId !== m.terminalId) {
    return { result: REGISTER_RESULT.vehicleRegistered, authCode: null };
  }
  return { result: REGISTER_RESULT.ok, authCode: t.authCode ?? randomBytes(8).toString('hex') };
}

function plateMatches(t: TerminalRecord, m: Register): boolean {
  const given = normalisePlate(m.plate);
  if (given === '') return true;
  // Colour 0: the terminal sends the VIN in the plate field.
  if (m.plateColour === 0) return t.vin === null || normalisePlate(t.vin) === given;
  return normalisePlate(t.plate) === given;
}
