import type { Alarm } from '@anlan/contracts';

/** How a rule's figure reads: a speed, a distance, minutes, a duration in seconds, a zone's name … */
export type FactKind = 'kmh' | 'pct' | 'm' | 'min' | 'duration' | 'count' | 'roadClass' | 'text' | 'instant' | 'flag' | 'raw';

/** The figures the rules write (apps/server/src/rules), in the order a monitor reads them. */
export const knownFacts = {
  maxSpeedKmh: 'kmh',
  limitKmh: 'kmh',
  overPct: 'pct',
  impliedSpeedKmh: 'kmh',
  durationS: 'duration',
  durationMin: 'min',
  continuousMin: 'min',
  drivingMin: 'min',
  limitMin: 'min',
  restMin: 'min',
  afterMin: 'min',
  distanceM: 'm',
  maxDistanceM: 'm',
  bufferM: 'm',
  jumpM: 'm',
  fixes: 'count',
  roadClass: 'roadClass',
  window: 'text',
  zoneName: 'text',
  nearZone: 'text',
  routeName: 'text',
  loadedBy: 'text',
  bit: 'count',
  stintStartedAt: 'instant',
  revised: 'flag',
  reanchored: 'flag',
  tripChanged: 'flag',
} as const satisfies Record<string, FactKind>;

export type KnownFact = keyof typeof knownFacts;

export interface Fact {
  key: string;
  known: boolean;
  kind: FactKind;
  value: string | number | boolean;
}

const isKnown = (key: string): key is KnownFact => key in knownFacts;

/** The alarm's figures as labelled facts: known ones first in reading order, then any the client does not know yet. */
export function alarmFacts(details: Alarm['details']): Fact[] {
  const present = Object.entries(details).filter((entry): entry is [string, string | number | boolean] => entry[1] !== null);
  const known = (Object.keys(knownFacts) as KnownFact[])
    .filter((key) => present.some(([k]) => k === key))
    .map((key) => ({ key, known: true, kind: knownFacts[key] as FactKind, value: details[key]! }));
  const unknown = present.filter(([k]) => !isKnown(k)).map(([key, value]) => ({ key, known: false, kind: 'raw' as const, value }));
  return [...known, ...unknown];
}

/** Seconds as hours, minutes and seconds: `{h: 1, m: 5, s: 3}`. */
export function splitDuration(totalS: number): { h: number; m: number; s: number } {
  const s = Math.max(0, Math.round(totalS));
  return { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60), s: s % 60 };
}

/** The short figure a queue row shows beside the type: top speed over the limit, the minutes driven … */
export function headlineFact(details: Alarm['details']): Fact | undefined {
  const order: KnownFact[] = ['maxSpeedKmh', 'continuousMin', 'drivingMin', 'durationMin', 'maxDistanceM', 'jumpM', 'zoneName', 'durationS'];
  const key = order.find((k) => details[k] !== undefined && details[k] !== null);
  return key ? { key, known: true, kind: knownFacts[key], value: details[key]! } : undefined;
}
