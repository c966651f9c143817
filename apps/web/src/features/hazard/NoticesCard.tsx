import type { HazardDetail } from '@anlan/contracts';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';
import { NoticePdfButtons } from '../notices/NoticePdfButtons';

/** The notices issued for this hazard, each with its PDF. */
export function NoticesCard({ notices }: { notices: HazardDetail['notices'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('notice.title')} data-testid="notices-card">
      {notices.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notice.none')} />}
      <Flex vertical gap={16}>
        {notices.map((n) => (
          <Flex key={n.id} vertical gap={4}>
            <div>
              <Tag color={n.kind === 'stop_work' ? 'red' : 'orange'}>{t(`noticeKind.${n.kind}`)}</Tag>
              <Typography.Text strong>{n.number}</Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {t('notice.issuedAndDeadline', { issued: formatMinute(n.issuedAt), deadline: formatMinute(n.deadline) })}
            </Typography.Text>
            <NoticePdfButtons id={n.id} number={n.number} />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
