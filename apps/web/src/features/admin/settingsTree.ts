import { pathKey, type FieldPath } from './issuePaths';

/** A setting's value as JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const isRecord = (v: unknown): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path`, or undefined where there is none. */
export function getIn(value: unknown, path: FieldPath): unknown {
  let at: unknown = value;
  for (const part of path) {
    if (Array.isArray(at) && typeof part === 'number') at = at[part];
    else if (isRecord(at) && typeof part === 'string') at = at[part];
    else return undefined;
  }
  return at;
}

/** A copy of `value` with `next` at `path` (the containers on the way are copied, the rest shared). */
export function setIn(value: Json, path: FieldPath, next: Json): Json {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...FieldPath];
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    copy[head] = setIn(copy[head] ?? null, rest, next);
    return copy;
  }
  const record = isRecord(value) ? value : {};
  return { ...record, [head]: setIn(record[String(head)] ?? null, rest, next) };
}

/** Whether a value is drawn as one input (a number, text, switch, list of words, or an unset value). */
export function isLeaf(v: unknown): boolean {
  if (Array.isArray(v)) return v.every((x) => !isRecord(x) && !Array.isArray(x));
  return !isRecord(v);
}

/** The path of every input the form draws for `value`. */
export function leafPaths(value: unknown, at: FieldPath = []): FieldPath[] {
  if (isLeaf(value)) return at.length ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...at, i]));
  return Object.entries(value as Record<string, Json>).flatMap(([k, v]) => leafPaths(v, [...at, k]));
}

export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

/** Every value that differs between `before` and `after`, at the deepest path both have as objects. */
export function changes(before: unknown, after: unknown, at: FieldPath = []): Change[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => changes(before[k], after[k], [...at, k]));
  }
  if (Array.isArray(before) && Array.isArray(after) && !isLeaf(before) && before.length === after.length) {
    return before.flatMap((b, i) => changes(b, after[i], [...at, i]));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: pathKey(at), before, after }];
}

/** The parent object's other values at `path`. */
function siblings(value: unknown, path: FieldPath): unknown[] {
  const parent = getIn(value, path.slice(0, -1));
  const own = path[path.length - 1];
  return isRecord(parent)
    ? Object.entries(parent)
        .filter(([k]) => k !== own)
        .map(([, v]) => v)
    : [];
}

/**
 * What an unset (null) value becomes when the user sets it: the default's value there, else a sibling's (a night
 * window like the expressway's, a minute count like the next severity's); undefined when there is nothing to copy.
 */
export function templateFor(value: unknown, defaults: unknown, path: FieldPath): Json | undefined {
  const fromDefault = getIn(defaults, path);
  if (fromDefault !== null && fromDefault !== undefined) return structuredClone(fromDefault) as Json;
  const sibling = siblings(value, path).find((v) => v !== null && v !== undefined);
  return sibling === undefined ? undefined : (structuredClone(sibling) as Json);
}

/** Whether a value may be unset: its default is, or one of its siblings is (the schema is the server's to know). */
export function mayBeNull(value: unknown, defaults: unknown, path: FieldPath): boolean {
  return (
    getIn(defaults, path) === null ||
    siblings(value, path).some((v) => v === null) ||
    siblings(defaults, path).some((v) => v === null)
  );
}
