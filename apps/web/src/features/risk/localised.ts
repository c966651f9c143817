import { useTranslation } from 'react-i18next';

/** A text the server sends in both languages. */
export interface BothLanguages {
  'zh-CN': string;
  en: string;
}

/** Picks the UI language's half of a text the server sent in both. */
export function useLocalised(): (text: BothLanguages) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (text) => (english ? text.en : text['zh-CN']);
}
