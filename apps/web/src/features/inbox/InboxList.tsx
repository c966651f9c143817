import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInbox, useMarkAllRead } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InboxItem } from './InboxItem';

/** My notifications, unread first then newest (the server's order), thirty at a time. */
export function InboxList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInbox(unreadOnly);
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const first = inbox.data?.pages[0];
  const readAll = () =>
    markAll.mutate(undefined, { onSuccess: (r) => void message.success(t('inbox.allRead', { count: r.updated })) });
  const extra = (
    <Flex gap={12} align="center" wrap>
      <Flex gap={6} align="center">
        <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} aria-label={t('inbox.unreadOnly')} />
        <Typography.Text>{t('inbox.unreadOnly')}</Typography.Text>
      </Flex>
      <Button
        icon={<CheckOutlined />}
        onClick={readAll}
        loading={markAll.isPending}
        disabled={!first?.unread}
        data-action="read-all"
      >
        {t('inbox.readAll')}
      </Button>
    </Flex>
  );
  return (
    <Card title={first ? t('inbox.unreadCount', { count: first.unread }) : t('inbox.title')} extra={extra}>
      {inbox.isError && <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
      <List
        loading={inbox.isPending}
        dataSource={items}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={unreadOnly ? t('inbox.noUnread') : t('inbox.empty')}
            />
          ),
        }}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            style={{ background: item.readAt === null ? '#f5f9ff' : undefined, paddingInline: 12 }}
          >
            <InboxItem item={item} />
          </List.Item>
        )}
        data-testid="inbox-list"
      />
      {inbox.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
