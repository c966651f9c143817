import { createContext, use } from 'react';
import type { FieldPath, PlacedIssues } from './issuePaths';
import type { Json } from './settingsTree';

/** What every field of the settings form reads: the value being edited, the defaults, the server's complaints. */
export interface SettingEditing {
  settingKey: string;
  draft: Json;
  defaults: unknown;
  issues: PlacedIssues | null;
  change: (path: FieldPath, value: Json) => void;
}

export const SettingEditingContext = createContext<SettingEditing | null>(null);

export function useSettingEditing(): SettingEditing {
  const editing = use(SettingEditingContext);
  if (!editing) throw new Error('a settings field is used outside the settings editor');
  return editing;
}
