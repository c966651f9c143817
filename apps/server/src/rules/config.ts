import { z } from 'zod';
import { ALARM_BITS, type AlarmName } from '../gateway/jt808/location-flags.js';

/*
 * Thresholds of the rules engine. An administrator edits them at run time (settings key 'rules', stored as JSON), so
 * every field has a default, unknown keys are refused (a typo must not silently fall back to a default) and every
 * message names the field. Minutes and seconds are whole numbers; speeds km/h; distances metres.
 */

const severity = z.enum(['info', 'warning', 'serious', 'critical']);
const severityOrOff = z.enum(['off', 'info', 'warning', 'serious', 'critical']);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
const kmh = z.number().positive('must be more than 0 km/h').max(200, 'at most 200 km/h');
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM between 00:00 and 23:59');
const nightWindow = z
  .strictObject({ from: wallTime, to: wallTime })
  .refine((w) => w.from !== w.to, { message: 'from and to must differ', path: ['to'] });

const roadLimits = z.strictObject({
  expressway: kmh.default(80),
  urban: kmh.default(60),
  park: kmh.default(30),
});

/**
 * Device alarm bits raised as type 'device' and their severity; 'off' ignores the bit. Bits the platform judges itself
 * from positions (overspeed, fatigue, daily driving, parking, area/route in-out, route deviation) are off by default so
 * the same violation does not appear twice; display/TTS/camera/IC-card faults are maintenance noise, off too.
 */
const DEVICE_DEFAULTS: Record<AlarmName, z.infer<typeof severityOrOff>> = {
  emergency: 'critical',
  overspeed: 'off',
  fatigue: 'off',
  dangerWarning: 'serious',
  gnssFault: 'warning',
  gnssAntennaCut: 'warning',
  gnssAntennaShort: 'warning',
  powerUnderVoltage: 'warning',
  powerOff: 'serious',
  displayFault: 'off',
  ttsFault: 'off',
  cameraFault: 'off',
  icCardFault: 'off',
  overspeedWarning: 'off',
  fatigueWarning: 'off',
  dailyDrivingTimeout: 'off',
  overtimeParking: 'off',
  areaInOut: 'off',
  routeInOut: 'off',
  roadSectionTime: 'off',
  routeDeviation: 'off',
  vssFault: 'info',
  fuelAbnormal: 'warning',
  stolen: 'serious',
  illegalIgnition: 'warning',
  illegalDisplacement: 'serious',
  collision: 'critical',
  rollover: 'critical',
  illegalDoorOpen: 'warning',
};

function deviceBits() {
  const shape = {} as Record<AlarmName, z.ZodDefault<typeof severityOrOff>>;
  for (const name of Object.keys(ALARM_BITS) as AlarmName[]) shape[name] = severityOrOff.default(DEVICE_DEFAULTS[name]);
  return z.strictObject(shape);
}

/** What one vehicle class does differently (e.g. a lighter box van); unset fields follow the general values. */
const vehicleClassOverride = z.strictObject({
  speedLimitsKmh: z
    .strictObject({ expressway: kmh.optional(), urban: kmh.optional(), park: kmh.optional() })
    .optional(),
  continuousLimitMin: int(30, 24 * 60).optional(),
  dailyLimitMin: int(60, 24 * 60).optional(),
  parkingMaxMin: int(1, 7 * 24 * 60).optional(),
});

const sections = {
  /** Device-time ordering: positions may wait this long for late company before evaluation; 0 = on arrival (engine.ts). */
  ordering: z
    .strictObject({
      reorderWindowS: int(0, 600).default(0),
      /** Device time further than this ahead of arrival is a wrong clock: the position is ignored. */
      maxFutureS: int(0, 24 * 3600).default(600),
    })
    .prefault({}),
  /** At or above this speed the vehicle is driving (fatigue, night driving). */
  motion: z.strictObject({ movingKmh: z.number().min(0.5).max(30).default(5) }).prefault({}),
  speed: z
    .strictObject({
      limitsKmh: roadLimits.prefault({}),
      /** Road class where no road zone lies under the position. */
      defaultRoadClass: z.enum(['expressway', 'urban', 'park']).default('urban'),
      toleranceKmh: z.number().min(0).max(50).default(2),
      minDurationS: int(0, 3600).default(10),
      /** An episode ends when the speed falls below limit − hysteresis: no new alarm for every wobble. */
      hysteresisKmh: z.number().min(0).max(50).default(5),
      /** Severity by the worst excess over the limit, percent. Below seriousOverPct: warning. */
      seriousOverPct: z.number().min(0).max(500).default(20),
      criticalOverPct: z.number().min(0).max(500).default(50),
    })
    .prefault({}),
  fatigue: z
    .strictObject({
      continuousLimitMin: int(30, 24 * 60).default(240),
      minRestMin: int(1, 24 * 60).default(20),
      warningBeforeMin: int(0, 24 * 60).default(30),
      /** Per calendar day in Asia/Shanghai, as the terminal's own 0x0058 "当天累计驾驶时间" counts it. */
      dailyLimitMin: int(60, 24 * 60).default(480),
      dailyWarningBeforeMin: int(0, 24 * 60).default(30),
      /** Reports further apart than this are a gap in the data, judged by where the vehicle went (engine.ts). */
      sampleGapS: int(10, 3600).default(180),
      /** A gap ending within this distance of where it began is a rest: the vehicle did not go anywhere. */
      stationaryRadiusM: int(10, 5000).default(300),
      /** Driving time a gap is charged: the distance covered at this (slow) speed; a lower speed is stricter. */
      gapAssumedSpeedKmh: z.number().min(5).max(120).default(30),
    })
    .prefault({}),
  night: z
    .strictObject({
      /** Night ban per road class, Asia/Shanghai; null: none. Zones carry their own (nightFrom, nightTo). */
      windows: z
        .strictObject({
          expressway: nightWindow.nullable().default({ from: '00:00', to: '06:00' }),
          urban: nightWindow.nullable().default(null),
          park: nightWindow.nullable().default(null),
        })
        .prefault({}),
      minDurationS: int(0, 3600).default(60),
      /** Stopped or out of the window this long ends the episode (a red light does not). */
      closeAfterS: int(0, 3600).default(120),
    })
    .prefault({}),
  restricted: z
    .strictObject({
      /** Entry counts after enterFixes consecutive fixes inside, or 2+ fixes over enterS seconds; exit alike. */
      enterFixes: int(1, 100).default(3),
      enterS: int(0, 3600).default(30),
      exitFixes: int(1, 100).default(3),
      exitS: int(0, 3600).default(30),
      /**
       * Is a vehicle without an active trip loaded? 'status_bits': status bits 8–9 say half or full; 'always': yes
       * (an uncleaned empty tanker is still dangerous); 'never': only a loaded trip counts.
       */
      loadedWithoutTrip: z.enum(['status_bits', 'always', 'never']).default('status_bits'),
    })
    .prefault({}),
  route: z
    .strictObject({
      /** Added to the route's own bufferM before a vehicle counts as off the route. */
      marginM: int(0, 5000).default(50),
      leaveFixes: int(1, 100).default(2),
      leaveS: int(0, 3600).default(60),
      returnFixes: int(1, 100).default(2),
      returnS: int(0, 3600).default(30),
    })
    .prefault({}),
  parking: z
    .strictObject({
      stopSpeedKmh: z.number().min(0.1).max(10).default(3),
      /** Creeping further than this from where the stop began starts a new stop. */
      stopRadiusM: int(10, 2000).default(100),
      maxMin: int(1, 7 * 24 * 60).default(30),
      /** Stricter limit within nearDistanceM of a sensitive or restricted zone (a school, a hospital …). */
      nearMaxMin: int(1, 7 * 24 * 60).default(10),
      nearDistanceM: int(0, 5000).default(200),
    })
    .prefault({}),
  presence: z
    .strictObject({
      /** No report this long while on duty → 'offline' (terminal not connected). */
      offlineAfterMin: int(1, 24 * 60).default(10),
      /** Connected (heartbeats) but no position this long while on duty → 'silent'. */
      silentAfterMin: int(1, 24 * 60).default(10),
      /** Last heard longer ago than this: out of service, not offline (no alarm). */
      dutyWindowH: int(1, 24 * 30).default(24),
    })
    .prefault({}),
  drift: z
    .strictObject({
      /** Implied speed between consecutive fixes above this is a drifted fix … */
      maxSpeedKmh: z.number().min(60).max(1000).default(180),
      /** … when the jump is at least this long (below it GNSS noise dominates short intervals). */
      minDistanceM: int(10, 10_000).default(200),
      /** A jump this long between two fixes that both report standing still, within jumpWithinS, is drift too. */
      jumpM: int(50, 100_000).default(500),
      jumpWithinS: int(1, 3600).default(30),
      /** This many consecutive drifted fixes that agree with each other are believed: the vehicle really is there. */
      reanchorAfter: int(2, 20).default(3),
    })
    .prefault({}),
  device: z
    .strictObject({
      bits: deviceBits().prefault({}),
      /** Bits 15–17 (reserved, vendor-specific): off by default, their meaning differs by maker. */
      vendorBits: severityOrOff.default('off'),
    })
    .prefault({}),
  /** Severity of each rule's alarm (overspeed goes by speed.seriousOverPct; warnings and drift are 'info'). */
  severity: z
    .strictObject({
      fatigue: severity.default('serious'),
      dailyDriving: severity.default('serious'),
      nightDriving: severity.default('serious'),
      restrictedZone: severity.default('critical'),
      routeDeviation: severity.default('warning'),
      parking: severity.default('warning'),
      parkingNearSensitive: severity.default('serious'),
      offline: severity.default('warning'),
      silent: severity.default('info'),
    })
    .prefault({}),
  signals: z
    .strictObject({
      /** An open episode sends an 'update' at most this often (device time), or at once when its severity rises. */
      updateIntervalS: int(1, 3600).default(60),
      /** A gap in reports this long ends motion episodes (overspeed, night driving) at their last evidence. */
      maxEvidenceGapS: int(10, 24 * 3600).default(300),
    })
    .prefault({}),
  /** Per vehicle class (tanker, box_van …). */
  vehicleClasses: z.record(z.string().min(1), vehicleClassOverride).default({}),
};

/** The rules engine's thresholds (settings key 'rules'). `rulesConfig.parse({})` gives every default. */
export const rulesConfig = z.strictObject(sections).superRefine((c, ctx) => {
  // zod may run this beside other issues: compare only numbers that passed their own checks.
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const less = (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a >= b;
  const { fatigue, speed } = c;
  if (less(fatigue?.warningBeforeMin, fatigue?.continuousLimitMin))
    issue(['fatigue', 'warningBeforeMin'], 'must be less than fatigue.continuousLimitMin');
  if (less(fatigue?.dailyWarningBeforeMin, fatigue?.dailyLimitMin))
    issue(['fatigue', 'dailyWarningBeforeMin'], 'must be less than fatigue.dailyLimitMin');
  if (less(speed?.seriousOverPct, speed?.criticalOverPct))
    issue(['speed', 'criticalOverPct'], 'must be more than speed.seriousOverPct');
  for (const [name, o] of Object.entries(c.vehicleClasses ?? {})) {
    if (less(fatigue?.warningBeforeMin, o?.continuousLimitMin))
      issue(['vehicleClasses', name, 'continuousLimitMin'], 'must be more than fatigue.warningBeforeMin');
    if (less(fatigue?.dailyWarningBeforeMin, o?.dailyLimitMin))
      issue(['vehicleClasses', name, 'dailyLimitMin'], 'must be more than fatigue.dailyWarningBeforeMin');
  }
});

export type RulesConfig = z.infer<typeof rulesConfig>;

/** Every threshold at its default. */
export const defaultRulesConfig: RulesConfig = rulesConfig.parse({});

/** A failed parse as one line per wrong field, e.g. `speed.limitsKmh.expressway: must be more than 0 km/h`. */
export function rulesConfigIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}
