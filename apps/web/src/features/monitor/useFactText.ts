import { roadClassLabels, type RoadClass } from '@anlan/contracts';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import { splitDuration, type Fact } from './alarmFacts';

const isRoadClass = (v: unknown): v is RoadClass => typeof v === 'string' && v in roadClassLabels;

/** A rule's figure as text in the UI's language: `92 km/h`, `4 分 05 秒`, `高速公路` … */
export function useFactText() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const label = (fact: Fact): string => (fact.known ? t(`alarms.fact.${fact.key as 'maxSpeedKmh'}`) : fact.key);
  const value = (fact: Fact): string => {
    const v = fact.value;
    switch (fact.kind) {
      case 'kmh':
        return t('alarms.unit.kmh', { value: v });
      case 'pct':
        return t('alarms.unit.pct', { value: v });
      case 'm':
        return t('alarms.unit.m', { value: v });
      case 'min':
        return t('alarms.unit.min', { value: v });
      case 'duration': {
        const d = splitDuration(Number(v));
        const s = String(d.s).padStart(2, '0');
        if (d.h > 0) return t('alarms.unit.hms', { h: d.h, m: String(d.m).padStart(2, '0'), s });
        return d.m > 0 ? t('alarms.unit.ms', { m: d.m, s }) : t('alarms.unit.s', { s: d.s });
      }
      case 'roadClass':
        return isRoadClass(v) ? roadClassLabels[v][locale] : String(v);
      case 'instant': {
        const at = typeof v === 'boolean' ? NaN : new Date(v).getTime();
        return Number.isNaN(at) ? String(v) : formatInstant(new Date(at).toISOString());
      }
      case 'flag':
        return v === true ? t('alarms.yes') : v === false ? t('alarms.no') : String(v);
      case 'count':
      case 'text':
      case 'raw':
        return typeof v === 'boolean' ? (v ? t('alarms.yes') : t('alarms.no')) : String(v);
    }
  };
  return { label, value };
}
