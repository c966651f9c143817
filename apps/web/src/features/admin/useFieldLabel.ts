import { useTranslation } from 'react-i18next';

/** The name of a settings field by its key ('expressway' → 高速公路); the key itself where no name is written. */
export function useFieldLabel(): (segment: string | number) => string {
  const { t } = useTranslation();
  const names: Record<string, string> = t('settingField', { returnObjects: true });
  return (segment) => (typeof segment === 'number' ? `#${segment + 1}` : (names[segment] ?? segment));
}
