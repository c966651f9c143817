import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import type { ApiIssue } from '../api/client';
import { placeServerIssues } from './serverErrors';

export interface ServerErrors {
  error: Error | null;
  unplaced: ApiIssue[];
  /** Call with the failed submission's error: field issues go onto the form's fields. */
  report: (error: Error) => void;
  clear: () => void;
}

/** State for a form's failed submission, split between its fields and a general alert. */
export function useServerErrors<T extends object>(
  form: FormInstance<T>,
  fields: readonly (keyof T & string)[],
): ServerErrors {
  const [state, setState] = useState<{ error: Error | null; unplaced: ApiIssue[] }>({ error: null, unplaced: [] });
  const report = useCallback(
    (error: Error) => setState({ error, unplaced: placeServerIssues(form, error, fields) }),
    [form, fields],
  );
  const clear = useCallback(() => setState({ error: null, unplaced: [] }), []);
  return { ...state, report, clear };
}
