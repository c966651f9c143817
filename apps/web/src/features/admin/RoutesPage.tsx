import type { ApprovedRoute } from '@anlan/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoutes } from '../../api/geo';
import { useMapConfig } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { CarrierSelect } from '../monitor/CarrierSelect';
import { ActiveToggle } from './ActiveToggle';
import { nameMatches } from './nameFilter';
import { RouteEditor } from './RouteEditor';
import type { ActiveFilter } from './ZonesPage';

/** 审批路线 (核定路线): each carrier's approved corridors and the shared ones; drawn on the map, never deleted. */
export function RoutesPage() {
  const { t } = useTranslation();
  const config = useMapConfig();
  const [carrier, setCarrier] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const list = useRoutes({ organisationId: carrier, active: active === 'all' ? undefined : active });
  const rows = useMemo(() => (list.data ?? []).filter((r) => nameMatches(r.name, name)), [list.data, name]);
  const [editing, setEditing] = useState<ApprovedRoute | 'new' | null>(null);

  const columns: TableColumnsType<ApprovedRoute> = [
    { key: 'name', title: t('geoAdmin.name'), render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
    {
      key: 'carrier',
      title: t('geoAdmin.carrier'),
      render: (_, r) => r.organisationName ?? <Tag>{t('geoAdmin.sharedRoute')}</Tag>,
    },
    { key: 'buffer', title: t('geoAdmin.bufferM'), render: (_, r) => t('geoAdmin.ruleBuffer', { metres: r.bufferM }) },
    { key: 'points', title: t('geoAdmin.points'), align: 'right', render: (_, r) => r.geometry.coordinates.length },
    {
      key: 'active',
      title: t('geoAdmin.status'),
      render: (_, r) => (r.active ? <Tag color="success">{t('geoAdmin.inForce')}</Tag> : <Tag>{t('geoAdmin.inactive')}</Tag>),
    },
    { key: 'updated', title: t('geoAdmin.updatedAt'), render: (_, r) => formatMinute(r.updatedAt) },
    {
      key: 'actions',
      title: '',
      render: (_, r) => (
        <Space>
          <Button size="small" onClick={() => setEditing(r)} disabled={!config.data}>
            {t('geoAdmin.edit')}
          </Button>
          <ActiveToggle entity="routes" id={r.id} name={r.name} active={r.active} />
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('geoAdmin.routesTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!config.data} data-testid="route-create">
          {t('geoAdmin.createRoute')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('geoAdmin.routesIntro')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <CarrierSelect value={carrier} onChange={setCarrier} placeholder={t('geoAdmin.allCarriers')} />
        <Input.Search allowClear placeholder={t('geoAdmin.nameFilter')} onChange={(e) => setName(e.target.value)} style={{ width: 240 }} />
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
      <Table<ApprovedRoute>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="routes"
      />
      {editing !== null && config.data && (
        <RouteEditor route={editing === 'new' ? null : editing} config={config.data} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
