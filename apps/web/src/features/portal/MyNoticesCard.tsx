import type { Notice } from '@anlan/contracts';
import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../api/notices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { NoticePdfButtons } from '../notices/NoticePdfButtons';

/** The notices served on the enterprise, newest first, each with its PDF. */
export function MyNoticesCard() {
  const { t } = useTranslation();
  const notices = useNotices();
  const columns: TableColumnsType<Notice> = [
    { key: 'kind', title: t('notice.kind'), render: (_, n) => <Tag color={n.kind === 'stop_work' ? 'red' : 'orange'}>{t(`noticeKind.${n.kind}`)}</Tag> },
    { key: 'number', title: t('notice.number'), dataIndex: 'number' },
    { key: 'issuedAt', title: t('notice.issuedAt'), render: (_, n) => formatMinute(n.issuedAt) },
    { key: 'deadline', title: t('notice.deadline'), render: (_, n) => formatMinute(n.deadline) },
    { key: 'hazards', title: t('notice.hazardCount'), render: (_, n) => n.hazardIds.length },
    { key: 'pdf', title: t('notice.pdf'), render: (_, n) => <NoticePdfButtons id={n.id} number={n.number} /> },
  ];
  return (
    <Card title={t('portal.notices')} data-testid="my-notices">
      {notices.isError && <ErrorAlert error={notices.error} onRetry={() => void notices.refetch()} />}
      <Table<Notice> rowKey="id" size="small" columns={columns} dataSource={notices.data} loading={notices.isPending} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
