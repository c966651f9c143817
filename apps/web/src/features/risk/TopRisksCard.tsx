import type { RiskBoard } from '@anlan/contracts';
import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EscalationTag, RiskTag } from '../hazards/HazardTags';
import { FactorList } from './FactorList';

type TopRisk = RiskBoard['topRisks'][number];

/** The highest scores in the district and the facts that put them there. */
export function TopRisksCard({ board, loading }: { board: RiskBoard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<TopRisk> = [
    {
      key: 'subject',
      title: t('risk.subject'),
      render: (_, r) => (
        <>
          <Link to={`/risk/subjects/${r.subjectId}`}>{r.subjectName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`subjectType.${r.subjectType}`)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'level',
      title: t('risk.colour'),
      render: (_, r) => (
        <>
          <RiskTag colour={r.colour} />
          <EscalationTag level={r.escalation} />
        </>
      ),
    },
    { key: 'score', title: t('risk.score'), dataIndex: 'score', align: 'right' },
    { key: 'factors', title: t('risk.topFactors'), render: (_, r) => <FactorList factors={r.topFactors} /> },
  ];
  return (
    <Card title={t('risk.topRisks')} style={{ height: '100%' }} data-testid="top-risks">
      <Table<TopRisk>
        rowKey="subjectId"
        size="small"
        columns={columns}
        dataSource={board?.topRisks}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
