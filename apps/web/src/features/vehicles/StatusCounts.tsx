import type { VehicleStatus } from '@anlan/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatusCounts as Counts } from './useVehicles';

interface Props {
  counts: Counts | undefined;
  loading: boolean;
  selected: string | undefined;
  onSelect: (status: VehicleStatus | undefined) => void;
}

const colours: Record<VehicleStatus, string> = { online: '#389e0d', offline: '#8c8c8c', never: '#d48806' };

/** How many vehicles are online, offline, never connected; a click filters the list to them (again: all). */
export function StatusCounts({ counts, loading, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const total = counts ? counts.online + counts.offline + counts.never : undefined;
  const card = (key: VehicleStatus | 'all', value: number | undefined, colour?: string) => {
    const active = key === 'all' ? selected === undefined : selected === key;
    return (
      <Col xs={12} md={6} key={key}>
        <Card
          size="small"
          hoverable
          loading={loading && value === undefined}
          onClick={() => onSelect(key === 'all' || active ? undefined : key)}
          style={{ borderColor: active ? colour ?? '#1f5fbf' : undefined }}
          data-testid={`vehicle-count-${key}`}
        >
          <Statistic title={key === 'all' ? t('vehicles.total') : t(`vehicles.status.${key}`)} value={value ?? '—'} styles={{ content: { color: colour } }} />
        </Card>
      </Col>
    );
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {card('all', total)}
      {(['online', 'offline', 'never'] as const).map((s) => card(s, counts?.[s], colours[s]))}
    </Row>
  );
}
