import { handlingMeasures, remindResult, type HandlingMeasure, type RemindResult } from '@anlan/contracts';

type Payload = Record<string, unknown>;

/** What the history shows of an alarm event: its kind and the facts a monitor reads from it. */
export interface AlarmEventFacts {
  /** The event type without `alarm.`: raised, acknowledged, reminded, remind_failed, handled, escalated … */
  kind: string;
  note?: string;
  /** The text sent to the driver's terminal. */
  text?: string;
  /** The terminal's answer to a reminder. */
  result?: RemindResult;
  measure?: HandlingMeasure;
  /** The role of whoever recorded a handling (`enterprise`: the carrier itself). */
  byRole?: string;
  hazardId?: string;
  hazardCode?: string;
  /** severity_raised: the new severity; escalated: the severity it was escalated at. */
  severity?: string;
  unhandledMinutes?: number;
}

const asPayload = (value: unknown): Payload => (typeof value === 'object' && value !== null ? (value as Payload) : {});
const text = (p: Payload, key: string): string | undefined => (typeof p[key] === 'string' && p[key] !== '' ? p[key] : undefined);
const isResult = (v: unknown): v is RemindResult => remindResult.options.includes(v as RemindResult);
const isMeasure = (v: unknown): v is HandlingMeasure => handlingMeasures.includes(v as HandlingMeasure);

/** Reads one event of an alarm's history; unknown fields are ignored, unknown kinds keep their name. */
export function alarmEventFacts(type: string, payloadValue: unknown): AlarmEventFacts {
  const p = asPayload(payloadValue);
  const kind = type.startsWith('alarm.') ? type.slice('alarm.'.length) : type;
  return {
    kind,
    note: text(p, 'note'),
    text: text(p, 'text'),
    result: isResult(p.result) ? p.result : undefined,
    measure: isMeasure(p.measure) ? p.measure : undefined,
    byRole: text(p, 'byRole'),
    hazardId: text(p, 'hazardId'),
    hazardCode: text(p, 'hazardCode'),
    severity: kind === 'severity_raised' ? text(p, 'to') : kind === 'escalated' ? text(p, 'severity') : undefined,
    unhandledMinutes: typeof p.unhandledMinutes === 'number' ? p.unhandledMinutes : undefined,
  };
}

/** The latest reminder attempt in a history (oldest first): what the terminal answered, or why it was not sent. */
export function lastReminder(events: readonly { type: string; payload: unknown }[]): AlarmEventFacts | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'alarm.reminded' || e.type === 'alarm.remind_failed') return alarmEventFacts(e.type, e.payload);
  }
  return undefined;
}
