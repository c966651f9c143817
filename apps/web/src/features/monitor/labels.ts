import {
  alarmActionLabels,
  alarmSeverityLabels,
  alarmStatusLabels,
  alarmTypeLabels,
  handlingMeasureLabels,
  monitoringAlarmTypeLabel,
  type AlarmAction,
  type AlarmSeverityLevel,
  type AlarmStatus,
  type HandlingMeasure,
  type Locale,
} from '@anlan/contracts';
import { useTranslation } from 'react-i18next';
import { riskColours } from '../../theme';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The shared display names of alarm types, severities, statuses, actions and measures, in the UI's language. */
export function useAlarmLabels() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  // A terminal alarm's subtype is its JT/T 808 bit, named as the rules' settings name it (紧急报警 for `emergency`).
  const bitNames: Record<string, string | undefined> = t('settingField', { returnObjects: true });
  return {
    locale,
    /** Unknown types (a newer server) and unnamed bits (vendor bits) show as themselves. */
    type: (type: string, subtype?: string | null): string => {
      const name = capitalise(monitoringAlarmTypeLabel(type, locale));
      return type === 'device' && subtype ? `${name} · ${bitNames[subtype] ?? subtype}` : name;
    },
    severity: (s: AlarmSeverityLevel): string => capitalise(alarmSeverityLabels[s][locale]),
    status: (s: AlarmStatus): string => capitalise(alarmStatusLabels[s][locale]),
    action: (a: AlarmAction): string => capitalise(alarmActionLabels[a][locale]),
    measure: (m: HandlingMeasure): string => capitalise(handlingMeasureLabels[m][locale]),
  };
}

export const isAlarmType = (value: string): value is keyof typeof alarmTypeLabels => value in alarmTypeLabels;

/** Severity in the four risk colours: critical red, serious orange, warning yellow, info blue. */
export const severityColour: Record<AlarmSeverityLevel, string> = {
  critical: riskColours.major,
  serious: riskColours.significant,
  warning: riskColours.general,
  info: riskColours.low,
};
