import { notificationCategoryLabels, type Digest, type NotificationCategory } from '@anlan/contracts';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { useLocalised } from '../risk/localised';
import { targetOf } from './links';
import { useOpenTarget } from './useOpenTarget';

const isCategory = (key: string): key is NotificationCategory => key in notificationCategoryLabels;
const severityColour = { info: 'default', warning: 'warning', serious: 'orange', critical: 'error' } as const;

/** A daily digest: escalated, overdue, due soon and new, each with its count and the most pressing few. */
export function DigestView({ digest }: { digest: Digest }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const { user } = useCurrentUser();
  const open = useOpenTarget();
  const kinds: Record<string, string> = t('inbox.kind', { returnObjects: true });
  const groupName = (key: string) => (isCategory(key) ? text(notificationCategoryLabels[key]) : (kinds[key] ?? key));
  const sections = digest.sections.filter((s) => s.count > 0);
  if (sections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.digestEmpty')} />;
  return (
    <Flex vertical gap={12} data-testid="digest">
      {sections.map((s) => (
        <Card
          key={s.key}
          size="small"
          data-testid={`digest-section-${s.key}`}
          title={
            <Flex gap={8} align="center">
              {text(s.title)}
              <Tag color={s.key === 'escalated' || s.key === 'overdue' ? 'error' : 'processing'}>{s.count}</Tag>
            </Flex>
          }
          extra={
            <Flex wrap gap={4}>
              {Object.entries(s.byCategory).map(([category, n]) => (
                <Tag key={category}>
                  {groupName(category)} {n}
                </Tag>
              ))}
            </Flex>
          }
        >
          <List
            size="small"
            dataSource={s.top}
            renderItem={(entry) => {
              const target = targetOf(entry.link, user.role);
              return (
                <List.Item key={`${entry.entityType}-${entry.entityId}`} style={{ paddingInline: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Tag color={severityColour[entry.severity]}>{t(`inbox.severity.${entry.severity}`)}</Tag>
                    {target ? (
                      <Typography.Link onClick={() => void open(target)}>{text(entry.title)}</Typography.Link>
                    ) : (
                      <Typography.Text>{text(entry.title)}</Typography.Text>
                    )}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatMinute(entry.at)}
                  </Typography.Text>
                </List.Item>
              );
            }}
          />
          {s.count > s.top.length && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inbox.andMore', { count: s.count - s.top.length })}
            </Typography.Text>
          )}
        </Card>
      ))}
    </Flex>
  );
}
