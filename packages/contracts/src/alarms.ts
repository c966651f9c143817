import { z } from 'zod';
import { instant } from './common.js';
import type { Locale } from './errors.js';
import { domainEvent } from './system.js';

/** What the rules raise (apps/server/src/rules re-exports this list). */
export const alarmTypes = [
  'overspeed',
  'fatigue_warning',
  'fatigue',
  'daily_driving_warning',
  'daily_driving',
  'night_driving',
  'restricted_zone',
  'route_deviation',
  'parking',
  'offline',
  'silent',
  'drift',
  'device',
] as const;
export const alarmType = z.enum(alarmTypes);
export type AlarmTypeName = z.infer<typeof alarmType>;

export const alarmSeverities = ['info', 'warning', 'serious', 'critical'] as const;
export const alarmSeverity = z.enum(alarmSeverities);
export type AlarmSeverityLevel = z.infer<typeof alarmSeverity>;

/** open → acknowledged (a monitor took it) → handled (what was done is recorded) → closed. */
export const alarmStatuses = ['open', 'acknowledged', 'handled', 'closed'] as const;
export const alarmStatus = z.enum(alarmStatuses);
export type AlarmStatus = z.infer<typeof alarmStatus>;

export const alarmActions = ['acknowledge', 'remind', 'notify_carrier', 'handle', 'close'] as const;
export const alarmAction = z.enum(alarmActions);
export type AlarmAction = z.infer<typeof alarmAction>;

/** What was done about a violation (处置措施). */
export const handlingMeasures = [
  'driver_reminded',
  'driver_stopped',
  'warned',
  'trained',
  'penalised',
  'false_alarm',
  'device_fault',
  'other',
] as const;
export const handlingMeasure = z.enum(handlingMeasures);
export type HandlingMeasure = z.infer<typeof handlingMeasure>;

/** Outcome of a 0x8300 text sent to the driver's terminal. */
export const remindResult = z.enum(['delivered', 'failed', 'unsupported', 'offline', 'timeout']);
export type RemindResult = z.infer<typeof remindResult>;

const details = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** One alarm episode as the monitor's list shows it. */
export const alarm = z.object({
  id: z.uuid(),
  vehicleId: z.uuid(),
  plate: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  type: alarmType,
  /** Device alarm bit name for type 'device'; a zone category otherwise, or null. */
  subtype: z.string().nullable(),
  severity: alarmSeverity,
  status: alarmStatus,
  /** Device time the episode started, was last seen, ended (null while it goes on). */
  startedAt: instant,
  lastAt: instant,
  endedAt: instant.nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  zoneId: z.uuid().nullable(),
  routeId: z.uuid().nullable(),
  tripId: z.uuid().nullable(),
  /** The rule's figures: maxSpeedKmh, limitKmh, durationS, distanceM … */
  details,
  raisedAt: instant,
  acknowledgedAt: instant.nullable(),
  remindedAt: instant.nullable(),
  carrierNotifiedAt: instant.nullable(),
  handledAt: instant.nullable(),
  /** The latest handling note (what was done). */
  handling: z.string().nullable(),
  closedAt: instant.nullable(),
  /** Set when it stayed unhandled past the time its severity allows. */
  escalatedAt: instant.nullable(),
  /** The closed-loop hazard this alarm led to, if any. */
  hazardId: z.uuid().nullable(),
});
export type Alarm = z.infer<typeof alarm>;

export const alarmDetail = alarm.extend({
  vehicle: z.object({
    id: z.uuid(),
    plate: z.string(),
    driverName: z.string().nullable(),
    driverPhone: z.string().nullable(),
    terminalPhone: z.string(),
    cargoName: z.string().nullable(),
  }),
  /** The stored position nearest the episode's start, when positions are still kept. */
  position: z
    .object({
      deviceTime: instant,
      lat: z.number(),
      lon: z.number(),
      speedKmh: z.number(),
      heading: z.number().int(),
      alarmBits: z.number().int(),
      statusBits: z.number().int(),
    })
    .nullable(),
  hazard: z.object({ id: z.uuid(), code: z.string(), status: z.string() }).nullable(),
  /** Every state change, oldest first, with actor and time. */
  events: z.array(domainEvent),
  /** What the signed-in user may do to this alarm now. */
  allowedActions: z.array(alarmAction),
});
export type AlarmDetail = z.infer<typeof alarmDetail>;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const alarmQuery = z.strictObject({
  status: alarmStatus.optional(),
  type: alarmType.optional(),
  severity: alarmSeverity.optional(),
  vehicleId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
  from: instant.optional().describe('started at or after'),
  to: instant.optional().describe('started before'),
  unhandled: boolParam.optional().describe('true: open or acknowledged; false: handled or closed'),
  escalated: boolParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AlarmQuery = z.infer<typeof alarmQuery>;

export const alarmPage = z.object({
  items: z.array(alarm),
  /** Exact up to 10,000; past that a lower bound and `totalCapped` is true. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
});

const note = z.string().trim().min(1).max(1000);

/** A step whose fields are all optional may be posted without a body (Fastify hands the schema null). */
const optionalBody = <T extends z.ZodType<object>>(schema: T) =>
  schema.nullish().transform((v) => v ?? ({} as z.output<T>));

export const acknowledgeAlarm = optionalBody(z.strictObject({ note: note.optional() }));
/** The text shown / spoken on the driver's terminal; defaults to the alarm type's standard reminder. */
export const remindAlarm = optionalBody(z.strictObject({ text: z.string().trim().min(2).max(200).optional() }));
export const notifyCarrier = optionalBody(z.strictObject({ note: note.optional() }));
export const handleAlarm = z.strictObject({ measure: handlingMeasure, note: z.string().trim().min(2).max(1000) });
export const closeAlarm = optionalBody(z.strictObject({ note: note.optional() }));
export type RemindAlarm = z.infer<typeof remindAlarm>;
export type HandleAlarm = z.infer<typeof handleAlarm>;

/** An alarm on the live WebSocket: small, and never merged with another alarm. */
export const liveAlarm = alarm.pick({
  id: true,
  vehicleId: true,
  plate: true,
  organisationId: true,
  type: true,
  subtype: true,
  severity: true,
  status: true,
  startedAt: true,
  lastAt: true,
  endedAt: true,
  lat: true,
  lon: true,
  details: true,
});
export type LiveAlarm = z.infer<typeof liveAlarm>;

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const alarmTypeLabels: Labels<AlarmTypeName> = {
  overspeed: { 'zh-CN': '超速', en: 'overspeed' },
  fatigue_warning: { 'zh-CN': '疲劳驾驶预警', en: 'fatigue warning' },
  fatigue: { 'zh-CN': '疲劳驾驶', en: 'fatigue driving' },
  daily_driving_warning: { 'zh-CN': '日累计驾驶预警', en: 'daily driving warning' },
  daily_driving: { 'zh-CN': '日累计驾驶超时', en: 'daily driving limit exceeded' },
  night_driving: { 'zh-CN': '夜间禁行时段行驶', en: 'driving in the night ban' },
  restricted_zone: { 'zh-CN': '驶入禁行区域', en: 'restricted zone entered' },
  route_deviation: { 'zh-CN': '偏离批准路线', en: 'route deviation' },
  parking: { 'zh-CN': '违规停车', en: 'illegal parking' },
  offline: { 'zh-CN': '车辆离线', en: 'vehicle offline' },
  silent: { 'zh-CN': '在线不上报', en: 'connected but silent' },
  drift: { 'zh-CN': '定位漂移', en: 'position drift' },
  device: { 'zh-CN': '终端报警', en: 'terminal alarm' },
};

export const alarmSeverityLabels: Labels<AlarmSeverityLevel> = {
  info: { 'zh-CN': '提示', en: 'info' },
  warning: { 'zh-CN': '一般', en: 'warning' },
  serious: { 'zh-CN': '严重', en: 'serious' },
  critical: { 'zh-CN': '紧急', en: 'critical' },
};

export const alarmStatusLabels: Labels<AlarmStatus> = {
  open: { 'zh-CN': '待处理', en: 'open' },
  acknowledged: { 'zh-CN': '已受理', en: 'acknowledged' },
  handled: { 'zh-CN': '已处置', en: 'handled' },
  closed: { 'zh-CN': '已关闭', en: 'closed' },
};

export const alarmActionLabels: Labels<AlarmAction> = {
  acknowledge: { 'zh-CN': '受理', en: 'acknowledge' },
  remind: { 'zh-CN': '提醒驾驶员', en: 'remind the driver' },
  notify_carrier: { 'zh-CN': '通报企业安全部门', en: "notify the carrier's safety department" },
  handle: { 'zh-CN': '登记处置', en: 'record the handling' },
  close: { 'zh-CN': '关闭', en: 'close' },
};

export const handlingMeasureLabels: Labels<HandlingMeasure> = {
  driver_reminded: { 'zh-CN': '已提醒驾驶员', en: 'driver reminded' },
  driver_stopped: { 'zh-CN': '已责令驾驶员停车', en: 'driver stopped' },
  warned: { 'zh-CN': '已警告', en: 'warned' },
  trained: { 'zh-CN': '已教育培训', en: 'trained' },
  penalised: { 'zh-CN': '已按制度处罚', en: 'penalised' },
  false_alarm: { 'zh-CN': '误报', en: 'false alarm' },
  device_fault: { 'zh-CN': '终端故障', en: 'device fault' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** The standard 0x8300 reminder per alarm type: what a monitor sends unless they write their own. */
export const alarmReminderTexts: Labels<AlarmTypeName> = {
  overspeed: { 'zh-CN': '您已超速,请立即减速慢行', en: 'You are speeding: slow down now' },
  fatigue_warning: {
    'zh-CN': '您已连续驾驶接近4小时,请就近安全停车休息',
    en: 'Nearly 4 h of driving: plan a rest stop',
  },
  fatigue: {
    'zh-CN': '您已疲劳驾驶,请立即就近安全停车休息不少于20分钟',
    en: 'Fatigue driving: stop and rest at least 20 minutes',
  },
  daily_driving_warning: {
    'zh-CN': '您今日累计驾驶时间即将超限,请合理安排休息',
    en: 'Daily driving time nearly used up: plan your rest',
  },
  daily_driving: { 'zh-CN': '您今日累计驾驶时间已超限,请停车休息', en: 'Daily driving limit exceeded: stop and rest' },
  night_driving: {
    'zh-CN': '当前为夜间禁行时段,请立即就近安全停车',
    en: 'Night driving ban in force: stop safely now',
  },
  restricted_zone: {
    'zh-CN': '您已进入危险货物运输车辆禁行区域,请立即驶离',
    en: 'You are in a zone closed to hazmat vehicles: leave now',
  },
  route_deviation: {
    'zh-CN': '您已偏离批准的运输路线,请立即返回规定路线',
    en: 'You left the approved route: return to it now',
  },
  parking: {
    'zh-CN': '您已在非指定区域停车超时,请立即驶离或前往指定停车场',
    en: 'Parked too long outside an approved area: move on',
  },
  offline: {
    'zh-CN': '您的车载终端已离线,请检查设备并保持在线',
    en: 'Your terminal went offline: check it and stay online',
  },
  silent: { 'zh-CN': '您的车载终端未上报定位,请检查设备', en: 'Your terminal sends no positions: check it' },
  drift: { 'zh-CN': '定位数据异常,请检查车载终端天线', en: 'Positions look wrong: check the GNSS antenna' },
  device: {
    'zh-CN': '平台已收到车辆报警,请注意行车安全并及时处置',
    en: 'The platform received your alarm: drive safely and act on it',
  },
};
