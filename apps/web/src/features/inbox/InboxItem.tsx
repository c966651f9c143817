import { notificationCategoryLabels, type NotificationItem } from '@anlan/contracts';
import { Badge, Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDigest, useMarkRead } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { useLocalised } from '../risk/localised';
import { DigestView } from './DigestView';
import { targetOf } from './links';
import { useOpenTarget } from './useOpenTarget';

/** One inbox item: unread in bold with a dot, urgent marked red; opening it marks it read. A digest opens in place. */
export function InboxItem({ item }: { item: NotificationItem }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const { user } = useCurrentUser();
  const markRead = useMarkRead();
  const open = useOpenTarget();
  const [expanded, setExpanded] = useState(false);
  const unread = item.readAt === null;
  const target =
    item.kind === 'digest' && item.digestId
      ? ({ kind: 'digest', id: item.digestId } as const)
      : targetOf(item.link, user.role);
  const read = () => unread && markRead.mutate(item.id);
  const onOpen = () => {
    read();
    if (target?.kind === 'digest') setExpanded((e) => !e);
    else if (target) void open(target);
  };
  const category = item.category === 'digest' ? t('inbox.digest') : text(notificationCategoryLabels[item.category]);
  return (
    <div data-testid="inbox-item" data-unread={unread} data-urgent={item.urgent} style={{ width: '100%' }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex gap={8} align="flex-start" style={{ flex: 1, minWidth: 260 }}>
          <Badge status={unread ? (item.urgent ? 'error' : 'processing') : 'default'} style={{ marginTop: 6 }} />
          <Flex vertical gap={2}>
            <Flex wrap gap={6} align="center">
              {item.urgent && <Tag color="error">{t('inbox.urgent')}</Tag>}
              <Tag>{category}</Tag>
              {target ? (
                <Typography.Link strong={unread} onClick={onOpen} data-testid="inbox-open">
                  {text(item.title)}
                </Typography.Link>
              ) : (
                <Typography.Text strong={unread}>{text(item.title)}</Typography.Text>
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatMinute(item.at)}
              {!unread && item.readAt && ` · ${t('inbox.readAt', { at: formatMinute(item.readAt) })}`}
            </Typography.Text>
          </Flex>
        </Flex>
        <Flex gap={8}>
          {target?.kind === 'digest' && (
            <Button size="small" onClick={onOpen} data-action="expand-digest">
              {expanded ? t('inbox.collapse') : t('inbox.expand')}
            </Button>
          )}
          {unread && (
            <Button size="small" loading={markRead.isPending} onClick={read} data-action="mark-read">
              {t('inbox.markRead')}
            </Button>
          )}
        </Flex>
      </Flex>
      {expanded && item.digestId && <DigestBody id={item.digestId} />}
    </div>
  );
}

function DigestBody({ id }: { id: string }) {
  const digest = useDigest(id);
  if (digest.isError) return <ErrorAlert error={digest.error} onRetry={() => void digest.refetch()} />;
  if (!digest.data) return null;
  return (
    <div style={{ marginTop: 12, marginInlineStart: 20 }}>
      <DigestView digest={digest.data} />
    </div>
  );
}
