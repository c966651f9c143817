import { AuditOutlined, BankOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/CurrentUser';
import { areaOfPath, areasFor, type AreaId } from './areas';

const icons: Record<AreaId, ReactNode> = {
  overview: <HomeOutlined />,
  organisations: <BankOutlined />,
  users: <TeamOutlined />,
  events: <AuditOutlined />,
};

/** The entries the user's role may open. */
export function SideMenu() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = areaOfPath(location.pathname);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected.path] : []}
      items={areasFor(user.role).map((area) => ({ key: area.path, icon: icons[area.id], label: t(`nav.${area.id}`) }))}
      onClick={({ key }) => void navigate(key)}
    />
  );
}
