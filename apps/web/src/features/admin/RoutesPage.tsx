import type { ApprovedRoute } from '@anlan/contracts';
import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoutes } from '../../api/geo';
import { CarrierSelect } from '../monitor/CarrierSelect';
import { GeoListCard, type ActiveFilter } from './GeoListCard';
import { RouteEditor } from './RouteEditor';

/** 审批路线 (核定路线): each carrier's approved corridors and the shared ones; drawn on the map, never deleted. */
export function RoutesPage() {
  const { t } = useTranslation();
  const [carrier, setCarrier] = useState<string | undefined>();
  const [active, setActive] = useState<ActiveFilter>('true');
  const list = useRoutes({ organisationId: carrier, active: active === 'all' ? undefined : active });
  return (
    <GeoListCard<ApprovedRoute>
      entity="routes"
      testId="route"
      title={t('geoAdmin.routesTitle')}
      intro={t('geoAdmin.routesIntro')}
      createLabel={t('geoAdmin.createRoute')}
      list={list}
      active={active}
      onActive={setActive}
      filters={<CarrierSelect value={carrier} onChange={setCarrier} placeholder={t('geoAdmin.allCarriers')} />}
      columns={[
        {
          key: 'carrier',
          title: t('geoAdmin.carrier'),
          render: (_, r) => r.organisationName ?? <Tag>{t('geoAdmin.sharedRoute')}</Tag>,
        },
        {
          key: 'buffer',
          title: t('geoAdmin.bufferM'),
          render: (_, r) => t('geoAdmin.ruleBuffer', { metres: r.bufferM }),
        },
        { key: 'points', title: t('geoAdmin.points'), align: 'right', render: (_, r) => r.geometry.coordinates.length },
      ]}
      editor={(route, config, onClose) => <RouteEditor route={route} config={config} onClose={onClose} />}
    />
  );
}
