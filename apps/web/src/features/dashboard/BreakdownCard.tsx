import { Card, Empty, Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  colour: string;
  /** The ledger filtered to this row, when the user may open the ledger. */
  href?: string;
}

/** Counts as bars, each a share of the total. */
export function BreakdownCard({ title, rows, loading }: { title: string; rows: BreakdownRow[]; loading: boolean }) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <Card title={title} loading={loading} style={{ height: '100%' }}>
      {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Flex vertical gap={8}>
        {rows.map((r) => (
          <div key={r.key}>
            <Flex justify="space-between">
              <Typography.Text>{r.label}</Typography.Text>
              <Typography.Text strong>{r.href ? <Link to={r.href}>{r.count}</Link> : r.count}</Typography.Text>
            </Flex>
            <Progress percent={total ? (r.count / total) * 100 : 0} showInfo={false} strokeColor={r.colour} size="small" />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
