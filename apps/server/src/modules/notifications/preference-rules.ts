import {
  notificationCategories,
  urgentCategories,
  type NotificationCategory,
  type NotificationMode,
  type NotificationPreferences,
  type Role,
} from '@anlan/contracts';

export type CategoryOverrides = Partial<Record<NotificationCategory, NotificationMode>>;

/**
 * Categories a role may not change: they are always pushed at once. A leader signs off major hazards and answers
 * for escalations, so every urgent category is locked for leaders; a monitor's duty is the critical alarm.
 * Everyone else may move any category to immediate, digest or off.
 */
export const LOCKED_CATEGORIES: Partial<Record<Role, readonly NotificationCategory[]>> = {
  leader: urgentCategories,
  monitor: ['critical_alarm'],
};

export const isUrgentCategory = (c: NotificationCategory) => urgentCategories.includes(c);
export const defaultMode = (c: NotificationCategory): NotificationMode => (isUrgentCategory(c) ? 'immediate' : 'digest');
export const isLocked = (role: Role, c: NotificationCategory) => LOCKED_CATEGORIES[role]?.includes(c) ?? false;

/** How the user gets items of a category: locked categories are immediate whatever is stored. */
export function effectiveMode(role: Role, c: NotificationCategory, overrides: CategoryOverrides): NotificationMode {
  return isLocked(role, c) ? 'immediate' : (overrides[c] ?? defaultMode(c));
}

export function describeCategories(role: Role, overrides: CategoryOverrides): NotificationPreferences['categories'] {
  return Object.fromEntries(
    notificationCategories.map((c) => [c, { mode: effectiveMode(role, c, overrides), defaultMode: defaultMode(c), urgent: isUrgentCategory(c), locked: isLocked(role, c) }]),
  ) as NotificationPreferences['categories'];
}

/** Keeps only known categories and modes from stored JSON. */
export function parseOverrides(stored: unknown): CategoryOverrides {
  const out: CategoryOverrides = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
    if ((notificationCategories as readonly string[]).includes(k) && (v === 'immediate' || v === 'digest' || v === 'off')) out[k as NotificationCategory] = v;
  }
  return out;
}
