import type { SubjectRiskDetail } from '@anlan/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { scoreHistoryOption } from './boardCharts';

/** The subject's score day by day over the last 90 days, each point in that day's colour. */
export function RiskHistoryCard({ history }: { history: SubjectRiskDetail['history'] }) {
  const { t } = useTranslation();
  const title = t('risk.history');
  const option = useMemo(() => scoreHistoryOption(history, title), [history, title]);
  return (
    <Card title={title}>
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div role="img" aria-label={title} data-testid="risk-history">
          <EChart option={option} height={200} />
        </div>
      )}
    </Card>
  );
}
