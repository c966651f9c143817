import type { MapConfig } from '@anlan/contracts';
import { PlusOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapConfig } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { ActiveToggle } from './ActiveToggle';
import { nameMatches } from './nameFilter';

export type ActiveFilter = 'true' | 'false' | 'all';

/** What the zones and routes lists have in common. */
interface GeoItem {
  id: string;
  name: string;
  active: boolean;
  updatedAt: string;
}

interface Props<T extends GeoItem> {
  entity: 'zones' | 'routes';
  /** data-testid prefix: `<testId>-create`, `<testId>-edit`, `<testId>-name-filter`; the table is `<entity>`. */
  testId: string;
  title: string;
  intro: string;
  createLabel: string;
  /** The query of the list, already filtered by the page's own filters and `active`. */
  list: UseQueryResult<T[]>;
  active: ActiveFilter;
  onActive: (next: ActiveFilter) => void;
  /** The page's own filters, before the name search. */
  filters: ReactNode;
  /** The page's own columns, between the name and the status. */
  columns: TableColumnsType<T>;
  /** The drawer that creates (item null) or edits one. */
  editor: (item: T | null, config: MapConfig, onClose: () => void) => ReactNode;
}

/**
 * The admin list of zones or approved routes: filters, a name search (in the browser: the lists are short), the
 * table with status and last change, edit and 停用/启用, and the map drawer. Nothing is deleted: alarms and trips keep
 * naming what they were raised against.
 */
export function GeoListCard<T extends GeoItem>({
  entity,
  testId,
  title,
  intro,
  createLabel,
  list,
  active,
  onActive,
  filters,
  columns,
  editor,
}: Props<T>) {
  const { t } = useTranslation();
  const config = useMapConfig();
  const [name, setName] = useState('');
  const rows = useMemo(() => (list.data ?? []).filter((item) => nameMatches(item.name, name)), [list.data, name]);
  const [editing, setEditing] = useState<T | 'new' | null>(null);

  const allColumns: TableColumnsType<T> = [
    {
      key: 'name',
      title: t('geoAdmin.name'),
      render: (_, item) => <Typography.Text strong>{item.name}</Typography.Text>,
    },
    ...columns,
    {
      key: 'active',
      title: t('geoAdmin.status'),
      render: (_, item) =>
        item.active ? <Tag color="success">{t('geoAdmin.inForce')}</Tag> : <Tag>{t('geoAdmin.inactive')}</Tag>,
    },
    { key: 'updated', title: t('geoAdmin.updatedAt'), render: (_, item) => formatMinute(item.updatedAt) },
    {
      key: 'actions',
      title: '',
      render: (_, item) => (
        <Space>
          <Button size="small" onClick={() => setEditing(item)} disabled={!config.data} data-testid={`${testId}-edit`}>
            {t('geoAdmin.edit')}
          </Button>
          <ActiveToggle entity={entity} id={item.id} name={item.name} active={item.active} />
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={title}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          disabled={!config.data}
          data-testid={`${testId}-create`}
        >
          {createLabel}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        {filters}
        <Input.Search
          allowClear
          placeholder={t('geoAdmin.nameFilter')}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 240 }}
          data-testid={`${testId}-name-filter`}
        />
        <Segmented<ActiveFilter>
          value={active}
          onChange={onActive}
          options={[
            { value: 'true', label: t('geoAdmin.inForce') },
            { value: 'false', label: t('geoAdmin.inactive') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Flex>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {config.isError && <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />}
      <Table<T>
        rowKey="id"
        size="middle"
        columns={allColumns}
        dataSource={rows}
        loading={list.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid={entity}
      />
      {editing !== null &&
        config.data &&
        editor(editing === 'new' ? null : editing, config.data, () => setEditing(null))}
    </Card>
  );
}
