import type { Checklist } from '@anlan/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChecklists } from '../../api/checklists';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { ChecklistForm } from './ChecklistForm';

type Item = Checklist['items'][number];

/**
 * 检查表: the version in force of every checklist with its items; publishing makes the next version (the API lists
 * only the newest version of each code; older ones stay with the inspections that used them).
 */
export function ChecklistsPage() {
  const { t } = useTranslation();
  const list = useChecklists();
  const [editing, setEditing] = useState<Checklist | 'new' | null>(null);
  const columns: TableColumnsType<Checklist> = [
    {
      key: 'name',
      title: t('checklistAdmin.name'),
      render: (_, c) => <Typography.Text strong>{c.name}</Typography.Text>,
    },
    {
      key: 'code',
      title: t('checklistAdmin.code'),
      render: (_, c) => <Typography.Text code>{c.code}</Typography.Text>,
    },
    { key: 'version', title: t('checklistAdmin.version'), render: (_, c) => <Tag color="blue">v{c.version}</Tag> },
    {
      key: 'types',
      title: t('checklistAdmin.subjectTypes'),
      render: (_, c) => c.subjectTypes.map((s) => <Tag key={s}>{t(`subjectType.${s}`)}</Tag>),
    },
    { key: 'catalogue', title: t('checklistAdmin.catalogue'), render: (_, c) => c.catalogue ?? t('common.empty') },
    { key: 'items', title: t('checklistAdmin.items'), align: 'right', render: (_, c) => c.items.length },
    { key: 'published', title: t('checklistAdmin.publishedAt'), render: (_, c) => formatMinute(c.publishedAt) },
    {
      key: 'edit',
      title: '',
      render: (_, c) => (
        <Button size="small" onClick={() => setEditing(c)}>
          {t('checklistAdmin.newVersion')}
        </Button>
      ),
    },
  ];
  const itemColumns: TableColumnsType<Item> = [
    { key: 'seq', title: '#', dataIndex: 'seq', width: 48 },
    { key: 'category', title: t('checklistAdmin.category'), dataIndex: 'category' },
    { key: 'text', title: t('checklistAdmin.text'), dataIndex: 'text' },
    { key: 'clause', title: t('checklistAdmin.clause'), render: (_, i) => i.clause ?? t('common.empty') },
    {
      key: 'rules',
      title: t('checklistAdmin.onFail'),
      render: (_, i) => (
        <>
          {i.major && <Tag color="error">{t('checklistAdmin.major')}</Tag>}
          {i.requiresPhotoOnFail && <Tag>{t('checklistAdmin.photoOnFail')}</Tag>}
          {i.requiresNoteOnFail && <Tag>{t('checklistAdmin.noteOnFail')}</Tag>}
        </>
      ),
    },
  ];
  const base = editing === 'new' ? null : editing;
  return (
    <Card
      title={t('checklistAdmin.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('checklistAdmin.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('checklistAdmin.intro')}</Typography.Paragraph>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Checklist>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={false}
        expandable={{
          expandedRowRender: (c) => (
            <Table<Item> rowKey="id" size="small" columns={itemColumns} dataSource={c.items} pagination={false} />
          ),
        }}
        scroll={{ x: 'max-content' }}
        data-testid="checklists"
      />
      <Modal
        open={editing !== null}
        title={
          base
            ? t('checklistAdmin.newVersionOf', { name: base.name, version: base.version + 1 })
            : t('checklistAdmin.create')
        }
        width={880}
        footer={null}
        destroyOnHidden
        onCancel={() => setEditing(null)}
      >
        {editing !== null && <ChecklistForm base={base} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}
