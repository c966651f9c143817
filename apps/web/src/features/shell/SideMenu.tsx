import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BorderOuterOutlined,
  BankOutlined,
  BellOutlined,
  CameraOutlined,
  CarOutlined,
  ControlOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  MessageOutlined,
  HeatMapOutlined,
  IdcardOutlined,
  OrderedListOutlined,
  NodeIndexOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/CurrentUser';
import { areaOfPath, areasFor, type AreaId } from './areas';

const icons: Record<AreaId, ReactNode> = {
  dashboard: <DashboardOutlined />,
  map: <EnvironmentOutlined />,
  alarms: <BellOutlined />,
  vehicles: <CarOutlined />,
  reports: <FileTextOutlined />,
  report: <FileTextOutlined />,
  myVehicles: <CarOutlined />,
  myAlarms: <BellOutlined />,
  myReports: <FileTextOutlined />,
  my: <AlertOutlined />,
  hazards: <FileSearchOutlined />,
  hazard: <FileSearchOutlined />,
  campaigns: <FlagOutlined />,
  publicReports: <MessageOutlined />,
  inspect: <CameraOutlined />,
  organisations: <BankOutlined />,
  users: <TeamOutlined />,
  events: <AuditOutlined />,
  account: <IdcardOutlined />,
  risk: <HeatMapOutlined />,
  riskSubject: <HeatMapOutlined />,
  plan: <ScheduleOutlined />,
  inbox: <BellOutlined />,
  adminSettings: <ControlOutlined />,
  adminWebhooks: <ApiOutlined />,
  adminChecklists: <OrderedListOutlined />,
  adminZones: <BorderOuterOutlined />,
  adminRoutes: <NodeIndexOutlined />,
};

/** The entries the user's role may open. */
export function SideMenu() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const entries = areasFor(user.role);
  const selected = areaOfPath(location.pathname, entries);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected.path] : []}
      items={entries.map((area) => ({ key: area.path, icon: icons[area.id], label: t(`nav.${area.id}`) }))}
      onClick={({ key }) => void navigate(key)}
    />
  );
}
