import type { RiskBoard } from '@anlan/contracts';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { EscalationMoves } from './EscalationMoves';

/** This week's moves on the ladder, with their reasons. */
export function MovesThisWeekCard({ board, loading }: { board: RiskBoard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('risk.movesThisWeek')}
      loading={loading}
      style={{ height: '100%' }}
      styles={{ body: { maxHeight: 560, overflow: 'auto' } }}
    >
      <EscalationMoves moves={board?.escalationsThisWeek ?? []} testId="moves-this-week" />
    </Card>
  );
}
