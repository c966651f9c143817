import type { BasemapKind } from '@anlan/contracts';
import { Badge, Card, Divider, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '../../map/liveSocket';
import { stateColours, vehicleStates, type VehicleState } from '../../map/vehicleFeatures';

interface Props {
  counts: Record<VehicleState, number>;
  status: LiveStatus;
  basemap: BasemapKind;
  /** The layer switcher, under the vehicle counts. */
  switcher?: ReactNode;
}

const liveBadge = { open: 'processing', connecting: 'default', reconnecting: 'warning' } as const;

/** How many vehicles are in each state, whether the live feed is up, which layers show, and which base map this is. */
export function MapLegend({ counts, status, basemap, switcher }: Props) {
  const { t } = useTranslation();
  const total = vehicleStates.reduce((sum, s) => sum + counts[s], 0);
  return (
    <Card size="small" style={{ boxShadow: '0 2px 10px rgba(0,0,0,0.12)' }} data-testid="map-legend">
      <Flex vertical gap={4}>
        <Flex justify="space-between" gap={16}>
          <Typography.Text strong>{t('map.vehicles', { count: total })}</Typography.Text>
          <Badge status={liveBadge[status]} text={t(`map.live.${status}`)} data-testid="live-status" data-status={status} />
        </Flex>
        <Flex gap={12} wrap>
          {vehicleStates.map((s) => (
            <span key={s} data-testid={`count-${s}`} data-count={counts[s]}>
              <Badge color={stateColours[s]} text={`${t(`map.state.${s}`)} ${counts[s]}`} />
            </span>
          ))}
        </Flex>
        {switcher && <Divider style={{ margin: '4px 0' }} />}
        {switcher}
        {basemap === 'offline' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Tag style={{ marginInlineEnd: 4 }}>{t('map.demoBasemap')}</Tag>
            {t('map.demoBasemapNote')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
