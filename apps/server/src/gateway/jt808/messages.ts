import type { Jt808Version } from './header.js';
import type { AlarmFlags, StatusFlags } from './location-flags.js';

/** Message ids this codec decodes and encodes. */
export const MSG = {
  terminalResponse: 0x0001,
  heartbeat: 0x0002,
  logout: 0x0003,
  register: 0x0100,
  auth: 0x0102,
  paramsAnswer: 0x0104,
  location: 0x0200,
  batchLocation: 0x0704,
  platformResponse: 0x8001,
  registerResponse: 0x8100,
  setParams: 0x8103,
  queryParams: 0x8104,
  terminalControl: 0x8105,
  queryParamsById: 0x8106,
  text: 0x8300,
} as const;

/** Results of 0x0001/0x8001. */
export const RESULT = { ok: 0, failure: 1, badMessage: 2, unsupported: 3, alarmConfirmed: 4 } as const;

/** Results of 0x8100. */
export const REGISTER_RESULT = {
  ok: 0,
  vehicleRegistered: 1,
  noSuchVehicle: 2,
  terminalRegistered: 3,
  noSuchTerminal: 4,
} as const;

/** An additional item kept as it came: an unknown id, or a known id with a non-standard length or value. */
export interface RawItem {
  id: number;
  hex: string;
}

export type AreaType = 'none' | 'circle' | 'rectangle' | 'polygon' | 'route';

/** Additional items of 0x0200 in canonical units; only the items present are set. */
export interface LocationItems {
  /** 0x01, km. */
  mileageKm?: number;
  /** 0x02, litres. */
  fuelL?: number;
  /** 0x03, speed from the driving recorder, km/h. */
  recorderSpeedKmh?: number;
  /** 0x04, id of an alarm event that needs manual confirmation. */
  alarmEventId?: number;
  /** 0x11 */
  overspeed?: { areaType: AreaType; areaId: number | null };
  /** 0x12 */
  areaAlarm?: { areaType: AreaType; areaId: number; direction: 'in' | 'out' };
  /** 0x13 */
  roadSection?: { sectionId: number; drivingTimeS: number; result: 'tooShort' | 'tooLong' };
  /** 0x25, extended vehicle signal bits (lights, brake, reverse …). */
  extendedSignals?: number;
  /** 0x2A, IO status bits (bit 0 deep sleep, bit 1 sleep). */
  io?: number;
  /** 0x2B, analog inputs. */
  analog?: { ad0: number; ad1: number };
  /** 0x30, wireless signal strength. */
  signalStrength?: number;
  /** 0x31, GNSS satellites used. */
  satellites?: number;
  raw?: RawItem[];
  /** An item ran past the body: its available bytes are in `raw`. */
  truncated?: boolean;
}

/** One position (0x0200 body, or one item of 0x0704). Units: degrees WGS-84, metres, km/h, UTC instant. */
export interface LocationReport {
  alarm: number;
  status: number;
  alarmFlags: Readonly<AlarmFlags>;
  statusFlags: Readonly<StatusFlags>;
  /** Signed: south is negative (status bit 2). */
  latitude: number;
  /** Signed: west is negative (status bit 3). */
  longitude: number;
  altitude: number;
  speed: number;
  direction: number;
  /** Null when the device sent an invalid BCD time (often all zeros before a first fix). */
  time: Date | null;
  /** From a 0x0704 batch of type 1 (blind-area back-fill): late, possibly out of order. */
  blindArea: boolean;
  items: LocationItems;
}

/** Decoded terminal parameter: known numeric ids as numbers, everything else as hex. */
export type TerminalParam = { id: number; value: number } | { id: number; hex: string };

/** A parameter to send: a number (`size` bytes, default 4), raw hex, or GBK text. */
export type TerminalParamInput =
  { id: number; value: number; size?: 1 | 2 | 4 } | { id: number; hex: string } | { id: number; text: string };

export interface TerminalResponse {
  type: 'terminalResponse';
  replySerial: number;
  replyId: number;
  result: number;
}
export interface Heartbeat {
  type: 'heartbeat';
}
export interface Logout {
  type: 'logout';
}
export interface Register {
  type: 'register';
  /** Layout of the body; 2011 vs 2013 is inferred from its length (see register.ts). */
  version: Jt808Version;
  province: number;
  city: number;
  maker: string;
  model: string;
  terminalId: string;
  plateColour: number;
  /** Plate number, or the VIN when `plateColour` is 0. */
  plate: string;
}
export interface Auth {
  type: 'auth';
  code: string;
  /** 2019 only. */
  imei: string | null;
  /** 2019 only. */
  softwareVersion: string | null;
}
export interface ParamsAnswer {
  type: 'paramsAnswer';
  replySerial: number;
  params: TerminalParam[];
}
export interface Location {
  type: 'location';
  position: LocationReport;
}
export interface BatchLocation {
  type: 'batchLocation';
  /** The type byte: 0 normal, 1 blind-area back-fill. */
  dataType: number;
  positions: LocationReport[];
}
export interface PlatformResponse {
  type: 'platformResponse';
  replySerial: number;
  replyId: number;
  result: number;
}
export interface RegisterResponse {
  type: 'registerResponse';
  replySerial: number;
  result: number;
  /** Present only when result is 0. */
  authCode: string | null;
}
export interface SetParams {
  type: 'setParams';
  params: TerminalParam[];
}
export interface QueryParams {
  type: 'queryParams';
}
export interface QueryParamsById {
  type: 'queryParamsById';
  ids: number[];
}
export interface TerminalControl {
  type: 'terminalControl';
  command: number;
  /** Semicolon-separated command parameters (commands 1 and 2), else empty. */
  params: string;
}
export interface TextMessage {
  type: 'text';
  flags: number;
  /** 2019 only: 1 notice, 2 service. */
  textType: number | null;
  text: string;
}
/** One part of a subpackaged message: give it to `SubpackageAssembler`. The body is a copy. */
export interface MessagePart {
  type: 'part';
  body: Buffer;
}

export type Jt808Message =
  | TerminalResponse
  | Heartbeat
  | Logout
  | Register
  | Auth
  | ParamsAnswer
  | Location
  | BatchLocation
  | PlatformResponse
  | RegisterResponse
  | SetParams
  | QueryParams
  | QueryParamsById
  | TerminalControl
  | TextMessage
  | MessagePart;

/** What the encoder takes for a position: a decoded `LocationReport` fits too. */
export interface LocationInput {
  alarm?: number;
  /** South/west bits are set from the signs of latitude/longitude. */
  status?: number;
  latitude: number;
  longitude: number;
  altitude?: number;
  speed?: number;
  direction?: number;
  time: Date;
  items?: LocationItems;
}

export type Jt808MessageInput =
  | Exclude<Jt808Message, Location | BatchLocation | ParamsAnswer | SetParams | Auth | TextMessage | MessagePart>
  | { type: 'location'; position: LocationInput }
  | { type: 'batchLocation'; dataType: number; positions: LocationInput[] }
  | { type: 'paramsAnswer'; replySerial: number; params: TerminalParamInput[] }
  | { type: 'setParams'; params: TerminalParamInput[] }
  | { type: 'auth'; code: string; imei?: string | null; softwareVersion?: string | null }
  | { type: 'text'; flags: number; textType?: number | null; text: string };
