import { zoneKinds, type Zone, type ZoneKind } from '@anlan/contracts';
import { Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useZones } from '../../api/geo';
import { GeoListCard, type ActiveFilter } from './GeoListCard';
import { ZoneEditor } from './ZoneEditor';

const kindColours: Record<ZoneKind, string> = {
  restricted: 'red',
  road: 'blue',
  speed_limit: 'orange',
  parking: 'green',
  sensitive: 'purple',
};

/** 区域管理: the zones the rules check positions against; drawn and changed on the map, taken out of force, never deleted. */
export function ZonesPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ZoneKind | undefined>();
  const [active, setActive] = useState<ActiveFilter>('true');
  const list = useZones({ kind, active: active === 'all' ? undefined : active });
  return (
    <GeoListCard<Zone>
      entity="zones"
      testId="zone"
      title={t('geoAdmin.zonesTitle')}
      intro={t('geoAdmin.zonesIntro')}
      createLabel={t('geoAdmin.createZone')}
      list={list}
      active={active}
      onActive={setActive}
      filters={
        <Select<ZoneKind>
          allowClear
          placeholder={t('geoAdmin.allKinds')}
          value={kind}
          onChange={setKind}
          options={zoneKinds.map((k) => ({ value: k, label: t(`geoAdmin.kindName.${k}`) }))}
          style={{ minWidth: 160 }}
          data-testid="zone-kind-filter"
        />
      }
      columns={[
        {
          key: 'kind',
          title: t('geoAdmin.kind'),
          render: (_, z) => <Tag color={kindColours[z.kind]}>{t(`geoAdmin.kindName.${z.kind}`)}</Tag>,
        },
        {
          key: 'shape',
          title: t('geoAdmin.shape'),
          render: (_, z) =>
            z.geometry.type === 'LineString' ? t('geoAdmin.shapeCorridor') : t('geoAdmin.shapePolygon'),
        },
        {
          key: 'rules',
          title: t('geoAdmin.rules'),
          render: (_, z) => (
            <Space size={4} wrap>
              {z.roadClass && <Tag>{t(`geoAdmin.roadClassName.${z.roadClass}`)}</Tag>}
              {z.speedLimitKmh !== null && <Tag>{t('geoAdmin.ruleSpeed', { speed: z.speedLimitKmh })}</Tag>}
              {z.nightFrom && z.nightTo && <Tag>{t('geoAdmin.ruleNight', { from: z.nightFrom, to: z.nightTo })}</Tag>}
              {z.maxParkingMinutes !== null && <Tag>{t('geoAdmin.ruleParking', { minutes: z.maxParkingMinutes })}</Tag>}
              {z.bufferM !== null && <Tag>{t('geoAdmin.ruleBuffer', { metres: z.bufferM })}</Tag>}
            </Space>
          ),
        },
      ]}
      editor={(zone, config, onClose) => <ZoneEditor zone={zone} config={config} onClose={onClose} />}
    />
  );
}
