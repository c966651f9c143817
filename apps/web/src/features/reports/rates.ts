import type { MonitoringRates, MonitoringThresholds } from '@anlan/contracts';

/** The regulator's five rates in the order it publishes them: 入网率, 上线率, 轨迹完整率, 数据合格率, 漂移率. */
export const rateKeys = ['connected', 'online', 'completeness', 'validity', 'drift'] as const satisfies readonly (keyof MonitoringRates)[];
export type RateKey = (typeof rateKeys)[number];
export type Targets = MonitoringThresholds['targets'];

/** met: at or past the target; missed: short of it; none: nothing to measure (no denominator). */
export type Verdict = 'met' | 'missed' | 'none';

/** The contracts' default targets, for when no report says which ones it was computed with. */
export const defaultTargets: Targets = { connected: 100, online: 99, completeness: 99, validity: 99, drift: 1 };

/** Drift is a ceiling (lower is better); the other four are floors. */
export function rateVerdict(key: RateKey, value: number | null, targets: Targets): Verdict {
  if (value === null) return 'none';
  const target = targets[key];
  return (key === 'drift' ? value <= target : value >= target) ? 'met' : 'missed';
}

export const verdictColour: Record<Verdict, string> = { met: '#389e0d', missed: '#d9363e', none: '#8c8c8c' };

/** `99.54%`, or `—` when there was nothing to measure. */
export const formatRate = (value: number | null): string => (value === null ? '—' : `${value.toFixed(2)}%`);

/** The last `days` district days ending yesterday (today's report does not exist before the day ends). */
export function lastDays(days: number, now: number, districtDay: (at: number) => string): { from: string; to: string } {
  return { from: districtDay(now - days * 86_400_000), to: districtDay(now - 86_400_000) };
}
