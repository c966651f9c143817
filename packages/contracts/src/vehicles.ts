import { z } from 'zod';
import { alarm, liveAlarm } from './alarms.js';
import { instant } from './common.js';

/** Kinds of hazmat vehicle the regulator tells apart. */
export const vehicleClasses = ['tanker', 'box_van', 'tractor', 'flatbed', 'other'] as const;
export const vehicleClass = z.enum(vehicleClasses);
export type VehicleClass = z.infer<typeof vehicleClass>;

/** JT/T 697.7 plate colours: 1 blue, 2 yellow (goods vehicles, hazmat), 3 black, 4 white, 5 green, 9 other. */
export const plateColour = z.number().int().min(0).max(255);

/** The JT/T 808 phone/terminal number: 12 digits (2011/2013) or 20 digits (2019), leading zeros kept. */
export const terminalPhone = z.string().regex(/^(\d{12}|\d{20})$/, 'must be 12 or 20 digits');

/** 危险货物 UN number, e.g. UN1005 (液氨). */
export const unNumber = z.string().regex(/^UN\d{4}$/, 'must look like UN1005');

/** A vehicle is online while its terminal holds an authenticated connection and has been heard from recently. */
export const vehicleStatus = z.enum(['online', 'offline', 'never']);
export type VehicleStatus = z.infer<typeof vehicleStatus>;

/** A position as stored: WGS-84 degrees, km/h, metres, UTC instants. */
export const position = z.object({
  deviceTime: instant,
  receivedAt: instant,
  lat: z.number(),
  lon: z.number(),
  speedKmh: z.number(),
  heading: z.number().int(),
  altitudeM: z.number().int(),
  /** The JT/T 808 alarm DWORD, 0 … 2^32 − 1. */
  alarmBits: z.number().int(),
  statusBits: z.number().int(),
  mileageKm: z.number().nullable(),
  blindArea: z.boolean(),
});
export type Position = z.infer<typeof position>;

export const vehicle = z.object({
  id: z.uuid(),
  plate: z.string(),
  plateColour,
  vin: z.string().nullable(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  vehicleClass,
  cargoUn: z.string().nullable(),
  cargoName: z.string().nullable(),
  driverName: z.string().nullable(),
  driverPhone: z.string().nullable(),
  terminalPhone: z.string(),
  terminalId: z.string().nullable(),
  registeredAt: instant.nullable(),
  active: z.boolean(),
  status: vehicleStatus,
  lastSeenAt: instant.nullable(),
  latest: position.nullable(),
});
export type Vehicle = z.infer<typeof vehicle>;

export const createVehicle = z.strictObject({
  plate: z.string().trim().min(5).max(20),
  plateColour: plateColour.default(2),
  vin: z
    .string()
    .trim()
    .regex(/^[A-HJ-NPR-Z0-9]{17}$/, 'must be 17 characters without I, O, Q')
    .optional(),
  organisationId: z.uuid(),
  vehicleClass: vehicleClass.default('tanker'),
  cargoUn: unNumber.optional(),
  cargoName: z.string().trim().min(1).max(50).optional(),
  driverName: z.string().trim().min(1).max(30).optional(),
  driverPhone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/)
    .optional(),
  terminalPhone,
});
export type CreateVehicle = z.infer<typeof createVehicle>;

export const vehicleQuery = z.strictObject({
  q: z.string().trim().min(1).max(20).optional(),
  organisationId: z.uuid().optional(),
  status: vehicleStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type VehicleQuery = z.infer<typeof vehicleQuery>;

export const TRACK_MAX_HOURS = 24;

export const trackQuery = z
  .strictObject({ from: instant, to: instant })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= TRACK_MAX_HOURS * 3600_000, {
    message: `at most ${TRACK_MAX_HOURS} hours`,
    path: ['to'],
  });
export type TrackQuery = z.infer<typeof trackQuery>;

export const track = z.object({ vehicleId: z.uuid(), from: instant, to: instant, points: z.array(position) });
export type Track = z.infer<typeof track>;

/** One vehicle on the live map: its latest position, small enough to send thousands of. */
export const livePosition = z.object({
  vehicleId: z.uuid(),
  plate: z.string(),
  organisationId: z.uuid(),
  deviceTime: instant,
  lat: z.number(),
  lon: z.number(),
  speedKmh: z.number(),
  heading: z.number().int(),
  alarmBits: z.number().int(),
  statusBits: z.number().int(),
  online: z.boolean(),
});
export type LivePosition = z.infer<typeof livePosition>;

export const latestPositions = z.object({ items: z.array(livePosition) });

/**
 * What GET /api/live sends: per-vehicle latest positions since the last message (coalesced), or alarms raised,
 * updated or ended (sent at once, merged only with later states of the same alarm, never dropped).
 */
export const liveMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('positions'), items: z.array(livePosition) }),
  z.object({ type: z.literal('alarms'), items: z.array(liveAlarm) }),
]);
export type LiveMessage = z.infer<typeof liveMessage>;

export const playbackQuery = z
  .strictObject({
    from: instant,
    to: instant,
    /** Simplification tolerance in metres: ~5 for a street view, more for a whole day at district zoom. */
    toleranceM: z.coerce.number().min(0).max(500).default(5),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= TRACK_MAX_HOURS * 3600_000, {
    message: `at most ${TRACK_MAX_HOURS} hours`,
    path: ['to'],
  });
export type PlaybackQuery = z.infer<typeof playbackQuery>;

/** 轨迹回放: a track simplified for display that keeps every position of an alarm episode, each stop's ends and both ends. */
export const playback = z.object({
  vehicleId: z.uuid(),
  from: instant,
  to: instant,
  toleranceM: z.number(),
  /** Positions stored in the period, and how many of them `points` keeps. */
  totalPoints: z.number().int(),
  points: z.array(position),
  /** Periods standing still (speed under 1 km/h) of at least a minute. */
  stops: z.array(
    z.object({ from: instant, to: instant, lat: z.number(), lon: z.number(), durationS: z.number().int() }),
  ),
  /** Alarm episodes overlapping the period. */
  alarms: z.array(alarm),
});
export type Playback = z.infer<typeof playback>;

const counters = z.record(z.string(), z.number());

/** The JT/T 808 gateway's counters (GET /api/gateway/stats). */
export const gatewayStats = z.object({
  startedAt: instant.nullable(),
  listening: z.boolean(),
  port: z.number().int().nullable(),
  connections: z.object({ open: z.number().int(), authenticated: z.number().int(), accepted: z.number().int() }),
  frames: z.object({ valid: z.number().int(), invalid: z.number().int() }),
  positions: z.object({
    received: z.number().int(),
    committed: z.number().int(),
    duplicates: z.number().int(),
    refused: z.number().int(),
    queued: z.number().int(),
  }),
  batches: z.object({ committed: z.number().int(), failed: z.number().int(), inFlight: z.number().int() }),
  commitLatencyMs: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  /** Decode errors by code (bad_check_code, unsupported_message …). */
  errors: counters,
  /** Answers sent by 0x8001/0x8100 result: ok, failure, badMessage, unsupported, noSuchTerminal … */
  answers: counters,
  /** Connections closed, by reason: idle, no_valid_frame, garbage, replaced, buffer, shutdown … */
  drops: counters,
  liveSubscribers: z.number().int(),
});
export type GatewayStats = z.infer<typeof gatewayStats>;
