import { Card, Empty } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { ChartClick } from '../../components/chartOption';
import { EChart } from '../../components/EChart';
import { BAR_ROW_PX, breakdownOption } from './chartOptions';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  colour: string;
  /** The ledger filtered to this row, when the user may open the ledger. */
  href?: string;
}

/** Counts as bars, largest first; clicking a bar opens the ledger filtered to it. */
export function BreakdownCard({ title, rows, loading, testId }: { title: string; rows: BreakdownRow[]; loading: boolean; testId?: string }) {
  const navigate = useNavigate();
  const clickable = rows.some((r) => r.href);
  const option = useMemo(() => breakdownOption(rows, title, clickable), [rows, title, clickable]);
  const onClick = useCallback(
    ({ dataIndex }: ChartClick) => {
      const href = rows[dataIndex]?.href;
      if (href) void navigate(href);
    },
    [rows, navigate],
  );
  return (
    <Card title={title} loading={loading} style={{ height: '100%' }} data-testid={testId}>
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <EChart option={option} height={rows.length * BAR_ROW_PX + 8} onClick={onClick} />}
    </Card>
  );
}
