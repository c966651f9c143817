import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, type ApiIssue } from '../../api/client';
import { issueFieldPath, type FieldPath } from './issuePaths';

export interface NestedServerErrors {
  error: Error | null;
  unplaced: ApiIssue[];
  report: (error: Error) => void;
  clear: () => void;
}

/**
 * A failed submission of an antd form with nested fields (`['items', 3, 'text']`): each issue at a field the form
 * has (`isField`) goes on that field; the rest are left for the general alert.
 */
export function useNestedServerErrors<T extends object>(
  form: FormInstance<T>,
  isField: (name: FieldPath) => boolean,
): NestedServerErrors {
  const [state, setState] = useState<{ error: Error | null; unplaced: ApiIssue[] }>({ error: null, unplaced: [] });
  const report = useCallback(
    (error: Error) => {
      const issues = error instanceof ApiError ? error.issues : [];
      const unplaced: ApiIssue[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const issue of issues) {
        const name = issueFieldPath(issue.path);
        if (name !== null && isField(name)) fields.push({ name, errors: [issue.message] });
        else unplaced.push(issue);
      }
      form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
      setState({ error, unplaced });
    },
    [form, isField],
  );
  const clear = useCallback(() => setState({ error: null, unplaced: [] }), []);
  return { ...state, report, clear };
}
