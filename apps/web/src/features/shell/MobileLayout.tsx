import { LeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { navy } from '../../theme';
import { useCurrentUser } from '../auth/CurrentUser';
import { homeOf, type AreaId } from './areas';

/** The frame of the phone pages: a slim bar (back to the console, title, language) and one column. */
export function MobileLayout({ area, children }: { area: AreaId; children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f8' }}>
      <Flex align="center" justify="space-between" gap={8} style={{ background: navy, padding: '8px 12px', position: 'sticky', top: 0, zIndex: 3 }}>
        <Link to={homeOf(user.role)}>
          <Button type="text" icon={<LeftOutlined />} style={{ color: '#fff' }} aria-label={t('mobile.back')} />
        </Link>
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          {t(`nav.${area}`)}
        </Typography.Text>
        <LanguageSwitch />
      </Flex>
      <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
        <Suspense fallback={<FullPageSpinner />}>{children}</Suspense>
      </div>
    </div>
  );
}
