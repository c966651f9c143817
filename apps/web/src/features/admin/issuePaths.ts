import type { ApiIssue } from '../../api/client';

/** A field of a nested form: `['speed', 'limitsKmh', 'expressway']`, `['items', 3, 'text']`. */
export type FieldPath = (string | number)[];

/** `body.items.3.text` → `['items', 3, 'text']`; null for an issue that is not about a field of the body. */
export function issueFieldPath(path: string): FieldPath | null {
  const [scope, ...rest] = path.split('.');
  if (scope !== 'body' || rest.length === 0) return null;
  return rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The one string a field path is known by (for maps and test ids). */
export const pathKey = (path: readonly (string | number)[]): string => path.join('.');

export interface PlacedIssues {
  /** Messages per field path key, for the fields the form has. */
  byField: Map<string, string[]>;
  /** Messages about a group of fields (a refinement over an object): shown above the group. */
  byGroup: Map<string, string[]>;
  /** The rest: about the request as a whole, or a path the form does not show. */
  unplaced: ApiIssue[];
}

/**
 * Sorts the server's issues onto a nested form: an issue at a field's path goes on that field, one at a path that
 * contains fields goes on that group, anything else stays for the general alert.
 */
export function placeIssues(issues: readonly ApiIssue[], fieldKeys: ReadonlySet<string>): PlacedIssues {
  const byField = new Map<string, string[]>();
  const byGroup = new Map<string, string[]>();
  const unplaced: ApiIssue[] = [];
  const add = (map: Map<string, string[]>, key: string, message: string) =>
    map.set(key, [...(map.get(key) ?? []), message]);
  for (const issue of issues) {
    const path = issueFieldPath(issue.path);
    const key = path ? pathKey(path) : null;
    if (key !== null && fieldKeys.has(key)) add(byField, key, issue.message);
    else if (key !== null && [...fieldKeys].some((f) => f.startsWith(`${key}.`))) add(byGroup, key, issue.message);
    else unplaced.push(issue);
  }
  return { byField, byGroup, unplaced };
}
