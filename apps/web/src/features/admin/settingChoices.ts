import type { FieldPath } from './issuePaths';

const colours = ['red', 'orange', 'yellow', 'blue'] as const;
const severities = ['info', 'warning', 'serious', 'critical'] as const;
const severitiesOrOff = ['off', ...severities] as const;

/** Values of a field by its name, where the server's schema is an enumeration (rules/config.ts, risk-config.ts). */
const byName: Record<string, readonly string[]> = {
  defaultRoadClass: ['expressway', 'urban', 'park'],
  loadedWithoutTrip: ['status_bits', 'always', 'never'],
  supervisor: ['department', 'district'],
  supervisorRole: ['inspector', 'enforcement', 'leader', 'admin'],
};

/**
 * The choices a text field (or a list of words) offers, or undefined for free text. Device alarm bits may be 'off';
 * a rule's own severity may not (the server refuses it, naming the field, should a new key differ).
 */
export function choicesFor(
  path: FieldPath,
  value: unknown,
  siblings: readonly unknown[],
): readonly string[] | undefined {
  const name = String(path[path.length - 1] ?? '');
  if (byName[name]) return byName[name];
  const words = Array.isArray(value) ? value : [value];
  if (words.length === 0 || !words.every((w) => typeof w === 'string')) return undefined;
  if (words.every((w) => (colours as readonly unknown[]).includes(w))) return colours;
  const offAllowed = path.includes('device') || siblings.includes('off') || words.includes('off');
  if (words.every((w) => (severitiesOrOff as readonly unknown[]).includes(w)))
    return offAllowed ? severitiesOrOff : severities;
  return undefined;
}
