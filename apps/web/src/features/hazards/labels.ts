import { hazardActionLabels, hazardStatusLabels, type HazardAction, type HazardStatus, type Locale } from '@anlan/contracts';
import { useTranslation } from 'react-i18next';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The shared display names of statuses and actions (from the contracts), in the UI's language. */
export function useHazardLabels() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    status: (status: HazardStatus): string => capitalise(hazardStatusLabels[status][locale]),
    action: (action: HazardAction): string => capitalise(hazardActionLabels[action][locale]),
  };
}

export const isHazardAction = (value: string): value is HazardAction => value in hazardActionLabels;
