import type { FormInstance } from 'antd';
import { ApiError, type ApiIssue } from '../api/client';

/** `body.name` → `name`: the form field an issue is about, when it is about one. */
function fieldOf(issue: ApiIssue): string | undefined {
  const [scope, field] = issue.path.split('.');
  return scope === 'body' && field ? field : undefined;
}

/**
 * Puts the server's validation issues on the matching form fields and returns the issues that
 * could not be placed there (about other fields, or about the request as a whole).
 */
export function placeServerIssues<T extends object>(
  form: FormInstance<T>,
  error: Error,
  fields: readonly (keyof T & string)[],
): ApiIssue[] {
  if (!(error instanceof ApiError)) return [];
  const isField = (name: string | undefined): name is keyof T & string =>
    name !== undefined && (fields as readonly string[]).includes(name);
  const byField = new Map<keyof T & string, string[]>();
  const unplaced: ApiIssue[] = [];
  for (const issue of error.issues) {
    const field = fieldOf(issue);
    if (isField(field)) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else unplaced.push(issue);
  }
  // A field name is a valid NamePath for any concrete form; TS cannot see that for a generic T.
  type Fields = Parameters<FormInstance<T>['setFields']>[0];
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })) as Fields);
  return unplaced;
}

/** Drops empty optional inputs, which the strict contracts would otherwise reject as too short. */
export function withoutBlanks<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as T;
}
