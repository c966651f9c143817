import type { Locale } from '@anlan/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

const STORAGE_KEY = 'anlan.locale';

/** The UI's languages, in menu order: Chinese first. */
export const uiLocales: readonly Locale[] = ['zh-CN', 'en'];

function isLocale(value: string | null): value is Locale {
  return value !== null && (uiLocales as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage blocked (private mode, policy): fall back to the default
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: uiLocales,
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
});

/** The language in use, also sent to the server as Accept-Language. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switches the UI language and remembers the choice on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted; the switch still applies to this tab
  }
  await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.title');
});
document.documentElement.lang = currentLocale();
document.title = i18n.t('app.title');

export { i18n };
