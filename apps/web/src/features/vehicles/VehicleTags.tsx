import type { VehicleStatus } from '@anlan/contracts';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';

const dot: Record<VehicleStatus, 'success' | 'default' | 'warning'> = { online: 'success', offline: 'default', never: 'warning' };

/** 在线 / 离线 / 从未上线 as a coloured dot and word. */
export function OnlineStatus({ status }: { status: VehicleStatus }) {
  const { t } = useTranslation();
  return <Badge status={dot[status]} text={t(`vehicles.status.${status}`)} data-vehicle-status={status} />;
}
