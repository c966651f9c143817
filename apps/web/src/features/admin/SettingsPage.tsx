import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSettings } from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SettingEditor } from './SettingEditor';

/** 阈值设置: every run-time setting (rules thresholds, risk grading, alarm handling), one tab each. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [search, setSearch] = useSearchParams();
  const names: Record<string, string> = t('settingsAdmin.keys', { returnObjects: true });
  const list = settings.data ?? [];
  const active = list.find((s) => s.key === search.get('key'))?.key ?? list[0]?.key;
  return (
    <Card title={t('settingsAdmin.title')} loading={settings.isPending}>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      <Typography.Paragraph type="secondary">{t('settingsAdmin.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => setSearch({ key }, { replace: true })}
        destroyOnHidden
        items={list.map((s) => ({
          key: s.key,
          label: <span data-testid={`setting-tab-${s.key}`}>{names[s.key] ?? s.key}</span>,
          // A new version of the value (after a save) starts a fresh form.
          children: <SettingEditor key={`${s.key}-${s.updatedAt ?? 'default'}`} setting={s} />,
        }))}
      />
    </Card>
  );
}
