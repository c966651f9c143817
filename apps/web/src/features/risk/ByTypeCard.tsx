import type { RiskBoard } from '@anlan/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { byTypeOption } from './boardCharts';

/** Subjects of each type split into the four colours. */
export function ByTypeCard({ board, loading }: { board: RiskBoard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const title = t('risk.byType');
  const rows = board?.byType ?? [];
  const option = useMemo(
    () =>
      byTypeOption(
        rows.map((r) => ({ ...r, label: t(`subjectType.${r.type}`) })),
        (c) => t(`riskColour.${c}`),
        title,
      ),
    [rows, t, title],
  );
  return (
    <Card title={title} loading={loading} style={{ height: '100%' }}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div data-testid="risk-by-type" role="img" aria-label={title}>
          <EChart option={option} height={Math.max(160, rows.length * 40 + 40)} />
        </div>
      )}
    </Card>
  );
}
