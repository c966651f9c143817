import type { Hazard } from '@anlan/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { riskColours } from '../../theme';

interface Props {
  open: readonly Hazard[] | undefined;
  loading: boolean;
  /** Where the figures lead (the ledger for staff); none for enterprises. */
  linkTo?: (filter: string) => string;
}

/** 动态清零: how many hazards are open now, with the overdue, major and escalated among them. */
export function OpenNowCard({ open = [], loading, linkTo }: Props) {
  const { t } = useTranslation();
  // The link keeps the figure's own colour: red while anything is open.
  const figure = (value: number, filter: string) =>
    linkTo ? (
      <Link to={linkTo(filter)} style={{ color: 'inherit' }}>
        {value}
      </Link>
    ) : (
      value
    );
  return (
    <Card title={t('dashboard.openNow')} loading={loading} style={{ height: '100%' }}>
      <Statistic
        value={open.length}
        styles={{ content: { fontSize: 56, fontWeight: 600, color: open.length === 0 ? riskColours.low : riskColours.major } }}
        formatter={(v) => <span data-testid="open-now">{figure(Number(v), 'status=open')}</span>}
        suffix={t('dashboard.items')}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={8}>
          <Statistic title={t('dashboard.overdue')} value={open.filter((h) => h.overdue).length} styles={{ content: { color: riskColours.major } }} formatter={(v) => figure(Number(v), 'status=open&overdue=true')} />
        </Col>
        <Col span={8}>
          <Statistic title={t('dashboard.major')} value={open.filter((h) => h.level === 'major').length} formatter={(v) => figure(Number(v), 'status=open&level=major')} />
        </Col>
        <Col span={8}>
          <Statistic title={t('dashboard.escalated')} value={open.filter((h) => h.escalation !== 'none').length} styles={{ content: { color: riskColours.significant } }} />
        </Col>
      </Row>
    </Card>
  );
}
