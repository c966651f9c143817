import { zoneKinds, type Zone, type ZoneKind } from '@anlan/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useZones } from '../../api/geo';
import { useMapConfig } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { ActiveToggle } from './ActiveToggle';
import { nameMatches } from './nameFilter';
import { ZoneEditor } from './ZoneEditor';

export type ActiveFilter = 'true' | 'false' | 'all';
const kindColours: Record<ZoneKind, string> = { restricted: 'red', road: 'blue', speed_limit: 'orange', parking: 'green', sensitive: 'purple' };

/** 区域管理: the zones the rules check positions against; drawn and changed on the map, taken out of force, never deleted. */
export function ZonesPage() {
  const { t } = useTranslation();
  const config = useMapConfig();
  const [kind, setKind] = useState<ZoneKind | undefined>();
  const [name, setName] = useState('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const list = useZones({ kind, active: active === 'all' ? undefined : active });
  const rows = useMemo(() => (list.data ?? []).filter((z) => nameMatches(z.name, name)), [list.data, name]);
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);

  const columns: TableColumnsType<Zone> = [
    { key: 'name', title: t('geoAdmin.name'), render: (_, z) => <Typography.Text strong>{z.name}</Typography.Text> },
    { key: 'kind', title: t('geoAdmin.kind'), render: (_, z) => <Tag color={kindColours[z.kind]}>{t(`geoAdmin.kindName.${z.kind}`)}</Tag> },
    {
      key: 'shape',
      title: t('geoAdmin.shape'),
      render: (_, z) => (z.geometry.type === 'LineString' ? t('geoAdmin.shapeCorridor') : t('geoAdmin.shapePolygon')),
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
    {
      key: 'active',
      title: t('geoAdmin.status'),
      render: (_, z) => (z.active ? <Tag color="success">{t('geoAdmin.inForce')}</Tag> : <Tag>{t('geoAdmin.inactive')}</Tag>),
    },
    { key: 'updated', title: t('geoAdmin.updatedAt'), render: (_, z) => formatMinute(z.updatedAt) },
    {
      key: 'actions',
      title: '',
      render: (_, z) => (
        <Space>
          <Button size="small" onClick={() => setEditing(z)} disabled={!config.data} data-testid="zone-edit">
            {t('geoAdmin.edit')}
          </Button>
          <ActiveToggle entity="zones" id={z.id} name={z.name} active={z.active} />
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('geoAdmin.zonesTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!config.data} data-testid="zone-create">
          {t('geoAdmin.createZone')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('geoAdmin.zonesIntro')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select<ZoneKind>
          allowClear
          placeholder={t('geoAdmin.allKinds')}
          value={kind}
          onChange={setKind}
          options={zoneKinds.map((k) => ({ value: k, label: t(`geoAdmin.kindName.${k}`) }))}
          style={{ minWidth: 160 }}
          data-testid="zone-kind-filter"
        />
        <Input.Search allowClear placeholder={t('geoAdmin.nameFilter')} onChange={(e) => setName(e.target.value)} style={{ width: 240 }} data-testid="zone-name-filter" />
        <Segmented<ActiveFilter>
          value={active}
          onChange={setActive}
          options={[
            { value: 'true', label: t('geoAdmin.inForce') },
            { value: 'false', label: t('geoAdmin.inactive') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Flex>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {config.isError && <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />}
      <Table<Zone>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="zones"
      />
      {editing !== null && config.data && (
        <ZoneEditor zone={editing === 'new' ? null : editing} config={config.data} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
