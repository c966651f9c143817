import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DigestPreview } from './DigestPreview';
import { InboxList } from './InboxList';
import { PreferencesForm } from './PreferencesForm';

const tabs = ['inbox', 'digest', 'preferences'] as const;
type Tab = (typeof tabs)[number];

/** 消息通知: my inbox, the digest as it would read now, and my notification preferences. */
export function InboxPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const tab: Tab = tabs.find((x) => x === asked) ?? 'inbox';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setSearch(key === 'inbox' ? {} : { tab: key }, { replace: true })}
      destroyOnHidden
      items={[
        { key: 'inbox', label: t('inbox.title'), children: <InboxList /> },
        { key: 'digest', label: t('inbox.preview'), children: <DigestPreview /> },
        { key: 'preferences', label: t('inbox.prefs.title'), children: <PreferencesForm /> },
      ]}
    />
  );
}
