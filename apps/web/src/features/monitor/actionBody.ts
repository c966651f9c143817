import { alarmReminderTexts, type AlarmAction, type AlarmTypeName, type HandlingMeasure } from '@anlan/contracts';
import type { AlarmActionBody } from '../../api/alarms';

/** Everything an alarm step's form may hold; each step reads its own fields. */
export interface AlarmActionValues {
  note?: string;
  text?: string;
  measure?: HandlingMeasure;
}

export const alarmActionFields = ['note', 'text', 'measure'] as const satisfies readonly (keyof AlarmActionValues)[];

const trimmed = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** The request body of one step from the form's values; blank optional texts are left out (the server's default). */
export function alarmActionBody(action: AlarmAction, v: AlarmActionValues): AlarmActionBody {
  switch (action) {
    case 'acknowledge':
    case 'notify_carrier':
    case 'close':
      return { action, note: trimmed(v.note) };
    case 'remind':
      return { action, text: trimmed(v.text) };
    case 'handle':
      // The form requires both; the server names any that is still missing.
      return { action, measure: v.measure as HandlingMeasure, note: v.note?.trim() ?? '' };
  }
}

/**
 * The reminder a form starts with: the standard text for the alarm's type, in Chinese (it is shown and spoken on
 * the driver's terminal, whatever language the monitor reads).
 */
export function defaultReminder(type: string): string {
  const texts = alarmReminderTexts as Record<string, { 'zh-CN': string } | undefined>;
  return (texts[type as AlarmTypeName] ?? alarmReminderTexts.device)['zh-CN'];
}
