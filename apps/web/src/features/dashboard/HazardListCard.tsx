import type { Hazard } from '@anlan/contracts';
import { Card } from 'antd';
import { Link } from 'react-router';
import { HazardTable } from '../hazards/HazardTable';

/** A short list of hazards (overdue, escalated) with a link to all of them in the ledger. */
export function HazardListCard({ title, hazards, loading, more, moreLabel, testId }: {
  title: string;
  hazards: readonly Hazard[];
  loading: boolean;
  more?: string;
  moreLabel: string;
  testId: string;
}) {
  return (
    <Card title={title} extra={more && <Link to={more}>{moreLabel}</Link>} style={{ height: '100%' }} data-testid={testId}>
      <HazardTable hazards={hazards.slice(0, 10)} loading={loading} compact />
    </Card>
  );
}
