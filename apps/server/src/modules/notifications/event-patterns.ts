/**
 * Event type patterns, shared by the classification table and webhook subscriptions:
 * '*' matches every type, 'hazard.*' every type under 'hazard.', anything else exactly one type.
 */
export function matchesEventType(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export const matchesAny = (patterns: readonly string[], type: string) => patterns.some((p) => matchesEventType(p, type));
