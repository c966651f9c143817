import type { WebhookDelivery, WebhookEndpoint } from '@anlan/contracts';
import { App, Button, Drawer, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useDeliveries, useRedeliver, type DeliveryStatus } from '../../api/webhooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant, formatMinute } from '../../i18n/format';

const PAGE = 20;
const statusColour: Record<DeliveryStatus, string> = { pending: 'processing', succeeded: 'success', failed: 'error' };

/** An endpoint's delivery log: every delivery with its attempts, status and next attempt; sent again on demand. */
export function DeliveriesDrawer({ endpoint, onClose }: { endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [page, setPage] = useState(1);
  const log = useDeliveries(endpoint?.id ?? null, status, PAGE, (page - 1) * PAGE);
  const redeliver = useRedeliver(endpoint?.id ?? '');
  const again = (d: WebhookDelivery) =>
    redeliver.mutate(d.id, {
      onSuccess: (r) => void message.info(t('webhook.redelivered', { status: t(`webhook.status.${r.status}`) })),
      onError: (e) => void message.error(e instanceof ApiError ? e.message : t('error.crash')),
    });
  const empty = t('common.empty');
  const columns: TableColumnsType<WebhookDelivery> = [
    { key: 'createdAt', title: t('webhook.createdAt'), render: (_, d) => formatMinute(d.createdAt) },
    {
      key: 'event',
      title: t('webhook.event'),
      render: (_, d) => <Typography.Text code>{d.eventType}</Typography.Text>,
    },
    {
      key: 'status',
      title: t('webhook.statusTitle'),
      render: (_, d) => <Tag color={statusColour[d.status]}>{t(`webhook.status.${d.status}`)}</Tag>,
    },
    { key: 'attempts', title: t('webhook.attempts'), dataIndex: 'attempts', align: 'right' },
    { key: 'code', title: t('webhook.lastCode'), render: (_, d) => d.lastStatusCode ?? empty },
    {
      key: 'next',
      title: t('webhook.nextAttempt'),
      render: (_, d) => (d.nextAttemptAt ? formatMinute(d.nextAttemptAt) : empty),
    },
    {
      key: 'error',
      title: t('webhook.lastError'),
      render: (_, d) =>
        d.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 220 }}>
            {d.lastError}
          </Typography.Text>
        ) : (
          empty
        ),
    },
    {
      key: 'again',
      title: '',
      render: (_, d) => (
        <Button size="small" onClick={() => again(d)} loading={redeliver.isPending && redeliver.variables === d.id}>
          {t('webhook.redeliver')}
        </Button>
      ),
    },
  ];
  const attempts = (d: WebhookDelivery) => (
    <Flex vertical gap={4}>
      {d.attemptLog.map((a) => (
        <Typography.Text key={a.attempt} style={{ fontSize: 12 }}>
          #{a.attempt} {formatInstant(a.at)} · {a.statusCode ?? empty} · {a.durationMs} ms
          {a.manual ? ` · ${t('webhook.manual')}` : ''}
          {a.error && <Typography.Text type="danger"> · {a.error}</Typography.Text>}
          {a.nextAttemptAt && (
            <Typography.Text type="secondary">
              {' '}
              · {t('webhook.nextAt', { at: formatMinute(a.nextAttemptAt) })}
            </Typography.Text>
          )}
        </Typography.Text>
      ))}
    </Flex>
  );
  return (
    <Drawer
      open={endpoint !== null}
      onClose={onClose}
      size="large"
      title={endpoint ? t('webhook.deliveriesOf', { url: endpoint.url }) : ''}
      destroyOnHidden
    >
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('webhook.statusTitle')}
          value={status}
          options={(['pending', 'succeeded', 'failed'] as const).map((s) => ({
            value: s,
            label: t(`webhook.status.${s}`),
          }))}
          onChange={(s: DeliveryStatus | undefined) => {
            setStatus(s);
            setPage(1);
          }}
        />
      </Flex>
      {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={log.data?.items}
        loading={log.isFetching}
        expandable={{ expandedRowRender: attempts, rowExpandable: (d) => d.attemptLog.length > 0 }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: log.data?.total,
          onChange: setPage,
          showTotal: (count) => t('common.total', { count }),
        }}
        scroll={{ x: 'max-content' }}
        data-testid="webhook-deliveries"
      />
    </Drawer>
  );
}
