import { Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { HeaderBar } from './HeaderBar';
import { SideBrand } from './SideBrand';
import { SideMenu } from './SideMenu';

/** The console frame: side menu, header, and the current page loaded on demand. */
export function AppLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone (an inspector opening a hazard from the field page) the menu folds away completely.
  const [narrow, setNarrow] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={232}
        breakpoint="lg"
        collapsedWidth={narrow ? 0 : 80}
        onBreakpoint={setNarrow}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <SideBrand collapsed={collapsed} />
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <Suspense fallback={<FullPageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>{t('app.copyright')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
