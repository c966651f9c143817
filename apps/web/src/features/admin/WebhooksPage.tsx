import type { WebhookEndpoint } from '@anlan/contracts';
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Modal,
  Popconfirm,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useOrganisationNames } from '../../api/organisations';
import { useDeleteWebhook, useTestWebhook, useUpdateWebhook, useWebhooks } from '../../api/webhooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { CreateWebhookForm } from './CreateWebhookForm';
import { DeliveriesDrawer } from './DeliveriesDrawer';
import { SecretOnce } from './SecretOnce';

/** Webhooks: endpoints other systems receive events at, signed; each with its delivery log (admin). */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useWebhooks();
  const names = useOrganisationNames();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<WebhookEndpoint | null>(null);
  const failed = (e: Error) => void message.error(e instanceof ApiError ? e.message : t('error.crash'));
  const columns: TableColumnsType<WebhookEndpoint> = [
    {
      key: 'url',
      title: t('webhook.url'),
      render: (_, w) => (
        <>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {w.url}
          </Typography.Text>
          {w.description && (
            <div>
              <Typography.Text type="secondary">{w.description}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'events',
      title: t('webhook.eventTypes'),
      render: (_, w) => w.eventTypes.map((p) => <Tag key={p}>{p}</Tag>),
    },
    {
      key: 'organisation',
      title: t('webhook.organisation'),
      render: (_, w) =>
        w.organisationId ? (names.get(w.organisationId) ?? w.organisationId) : t('webhook.wholeDistrict'),
    },
    {
      key: 'secret',
      title: t('webhook.secret'),
      render: (_, w) => <Typography.Text code>…{w.secretHint}</Typography.Text>,
    },
    {
      key: 'active',
      title: t('webhook.active'),
      render: (_, w) => (
        <Switch
          size="small"
          checked={w.active}
          loading={update.isPending && update.variables.id === w.id}
          onChange={(active) => update.mutate({ id: w.id, body: { active } }, { onError: failed })}
        />
      ),
    },
    { key: 'createdAt', title: t('webhook.createdAt'), render: (_, w) => formatMinute(w.createdAt) },
    {
      key: 'actions',
      title: '',
      render: (_, w) => (
        <Flex gap={4} wrap>
          <Button size="small" onClick={() => setLog(w)}>
            {t('webhook.deliveries')}
          </Button>
          <Button
            size="small"
            loading={test.isPending && test.variables === w.id}
            onClick={() =>
              test.mutate(w.id, {
                onSuccess: (d) => void message.info(t('webhook.tested', { status: t(`webhook.status.${d.status}`) })),
                onError: failed,
              })
            }
          >
            {t('webhook.test')}
          </Button>
          <Popconfirm
            title={t('webhook.rotateConfirm')}
            onConfirm={() =>
              update.mutate(
                { id: w.id, body: { rotateSecret: true } },
                { onSuccess: (r) => r.secret && setSecret(r.secret), onError: failed },
              )
            }
          >
            <Button size="small">{t('webhook.rotate')}</Button>
          </Popconfirm>
          <Popconfirm
            title={t('webhook.deleteConfirm')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate(w.id, { onError: failed })}
          >
            <Button size="small" danger>
              {t('webhook.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  const create = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('webhook.create')}
    </Button>
  );
  return (
    <Card title={t('webhook.title')} extra={create}>
      <Typography.Paragraph type="secondary">{t('webhook.intro')}</Typography.Paragraph>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<WebhookEndpoint>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Modal
        open={creating}
        title={t('webhook.create')}
        footer={null}
        destroyOnHidden
        onCancel={() => setCreating(false)}
      >
        <CreateWebhookForm
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created.secret);
          }}
        />
      </Modal>
      <Modal
        open={secret !== null}
        title={t('webhook.secretTitle')}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        {secret && <SecretOnce secret={secret} />}
      </Modal>
      <DeliveriesDrawer endpoint={log} onClose={() => setLog(null)} />
    </Card>
  );
}
