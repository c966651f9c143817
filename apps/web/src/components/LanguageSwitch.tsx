import type { Locale } from '@anlan/contracts';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale, uiLocales } from '../i18n';

/** 中文 / English; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const value = i18n.language === 'en' ? 'en' : currentLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('language.label')}
      value={value}
      options={uiLocales.map((locale) => ({ value: locale, label: t(`language.${locale}`) }))}
      onChange={(locale) => void setLocale(locale)}
    />
  );
}
