import { z } from 'zod';
import { instant } from './common.js';

/** A settings key: lower-case letters, digits, '.', '_' and '-'. */
export const settingKey = z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, 'not a settings key');
export const settingKeyParams = z.strictObject({ key: settingKey });

/** One run-time setting: its validated value, or the default while nobody has changed it. */
export const setting = z.object({
  key: z.string(),
  /** The value in force (the default when `isDefault`). */
  value: z.unknown(),
  /** The built-in value, for a "reset" button and to show what was changed. */
  defaultValue: z.unknown(),
  isDefault: z.boolean(),
  /** False when the stored value no longer validates (its schema changed since): the default is in force meanwhile. */
  storedIsValid: z.boolean(),
  updatedAt: instant.nullable(),
  updatedBy: z.uuid().nullable(),
});
export type Setting = z.infer<typeof setting>;

export const settingList = z.object({ items: z.array(setting) });

/** PUT /api/settings/:key takes the whole value as the body; it is validated against the key's own schema. */
export const putSetting = z.unknown();
