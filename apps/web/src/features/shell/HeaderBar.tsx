import { LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../api/auth';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NotificationBell } from '../inbox/NotificationBell';
import { UserBadge } from './UserBadge';

export function HeaderBar() {
  const { t } = useTranslation();
  const logout = useLogout();
  // A phone has room for the name and the language only.
  const compact = !Grid.useBreakpoint().md;
  return (
    <Layout.Header style={{ borderBottom: '1px solid #e5e8ee' }}>
      <Flex align="center" justify="flex-end" gap={16} style={{ height: '100%' }}>
        <NotificationBell />
        <UserBadge compact={compact} />
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} aria-label={t('auth.logout')}>
          {!compact && t('auth.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
