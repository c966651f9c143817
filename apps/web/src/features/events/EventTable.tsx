import type { DomainEvent } from '@anlan/contracts';
import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../../api/users';
import { formatInstant } from '../../i18n/format';

const mono = { fontFamily: 'SFMono-Regular, Consolas, Menlo, monospace', fontSize: 12 } as const;

/** Events as loaded so far, oldest first; the payload opens per row. */
export function EventTable({ events, loading }: { events: readonly DomainEvent[]; loading: boolean }) {
  const { t } = useTranslation();
  const users = useUserNames();
  const columns: TableColumnsType<DomainEvent> = [
    { key: 'id', title: t('events.id'), dataIndex: 'id', width: 80 },
    { key: 'at', title: t('events.at'), dataIndex: 'at', render: (v: string) => formatInstant(v) },
    { key: 'type', title: t('events.type'), dataIndex: 'type', render: (v: string) => <Tag color="geekblue">{v}</Tag> },
    { key: 'entityType', title: t('events.entityType'), dataIndex: 'entityType' },
    { key: 'entityId', title: t('events.entityId'), dataIndex: 'entityId', render: (v: string) => <span style={mono}>{v}</span> },
    {
      key: 'actor',
      title: t('events.actor'),
      render: (_, e) => (e.actorId ? (users.get(e.actorId) ?? <span style={mono}>{e.actorId.slice(0, 8)}</span>) : t('events.system')),
    },
    {
      key: 'hash',
      title: t('events.hash'),
      dataIndex: 'hash',
      render: (v: string) => (
        <Tooltip title={<span style={mono}>{v}</span>}>
          <Typography.Text copyable={{ text: v }} style={mono}>{v.slice(0, 12)}…</Typography.Text>
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<DomainEvent>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...events]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (e) => (
          <pre style={{ ...mono, margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.payload, null, 2)}</pre>
        ),
      }}
    />
  );
}
