import { canonicalJson } from '../events/event-log.js';

/** The fields whose value differs between `before` and `after`, with both values: the payload of an update event. */
export function fieldChanges<T extends object>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

/** Applies a partial update (undefined: keep; null: clear) onto the stored fields. */
export function merged<T extends object>(stored: T, patch: Partial<{ [K in keyof T]: T[K] | null | undefined }>): T {
  const out = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
