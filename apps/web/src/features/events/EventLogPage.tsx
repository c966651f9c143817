import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reachedEnd, useEventLog } from '../../api/events';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCurrentUser } from '../auth/CurrentUser';
import { canVerifyChain } from '../auth/permissions';
import { EventFilterBar } from './EventFilterBar';
import { EventTable } from './EventTable';
import { useEventFilters } from './useEventFilters';
import { VerifyChain } from './VerifyChain';

/** 事件日志: the append-only, hash-chained event log, paged forward with "load more". */
export function EventLogPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [filters, setFilters] = useEventFilters();
  const log = useEventLog(filters);
  const events = log.data?.pages.flatMap((page) => page.items) ?? [];
  const atEnd = reachedEnd(log.data?.pages);
  return (
    <Card title={t('events.title')}>
      <Typography.Paragraph type="secondary">{t('events.intro')}</Typography.Paragraph>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <EventFilterBar value={filters} onChange={setFilters} />
        {canVerifyChain(user.role) && <VerifyChain />}
      </Flex>
      {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      <EventTable events={events} loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)} />
      <Flex align="center" justify="center" gap={16} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('events.shown', { count: events.length })}</Typography.Text>
        {atEnd && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>}
        <Button disabled={!log.isSuccess} loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {atEnd ? t('events.checkNew') : t('common.loadMore')}
        </Button>
      </Flex>
    </Card>
  );
}
