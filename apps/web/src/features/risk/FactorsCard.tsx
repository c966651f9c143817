import type { RiskFactor } from '@anlan/contracts';
import { Card, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { EvidenceLinks } from './EvidenceLinks';
import { useLocalised } from './localised';

/** Which facts raised the level and by how many points; together they make the score. */
export function FactorsCard({ factors, score }: { factors: readonly RiskFactor[]; score: number }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const columns: TableColumnsType<RiskFactor> = [
    { key: 'label', title: t('risk.factor'), render: (_, f) => text(f.label) },
    { key: 'count', title: t('risk.factorCount'), dataIndex: 'count', align: 'right' },
    {
      key: 'points',
      title: t('risk.factorPoints'),
      align: 'right',
      render: (_, f) => <Typography.Text strong>+{f.points}</Typography.Text>,
    },
    {
      key: 'share',
      title: t('risk.share'),
      width: 160,
      render: (_, f) => <Progress percent={score > 0 ? Math.round((f.points / score) * 100) : 0} size="small" />,
    },
    {
      key: 'evidence',
      title: t('risk.evidenceTitle'),
      render: (_, f) => <EvidenceLinks code={f.code} ids={f.evidenceIds} />,
    },
  ];
  return (
    <Card title={t('risk.factors')} data-testid="risk-factors">
      <Table<RiskFactor>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={[...factors]}
        pagination={false}
        locale={{ emptyText: t('risk.noFactors') }}
        scroll={{ x: 'max-content' }}
        summary={() =>
          factors.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('risk.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{score}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={2} />
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
