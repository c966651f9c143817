import type { Hazard } from '@anlan/contracts';
import { Alert, Card, Col, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllHazards } from '../../api/hazards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { districtDay } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { OpenNowCard } from '../dashboard/OpenNowCard';
import { TrendCard } from '../dashboard/TrendCard';
import { HazardTable } from '../hazards/HazardTable';
import { MyNoticesCard } from './MyNoticesCard';
import { MyVehiclesCard } from './MyVehiclesCard';

const isOpen = (h: Hazard) => h.status !== 'closed' && h.status !== 'void';
const byDeadline = (a: Hazard, b: Hazard) => (a.deadline ?? '9').localeCompare(b.deadline ?? '9');
const TREND_DAYS = 60;

/**
 * 我的隐患 (enterprise portal): the enterprise's own hazards (the server shows nothing else), the
 * deadlines running, the notices served with their PDFs. A hazard opens its page to submit evidence.
 */
export function MyHazardsPage() {
  const { t } = useTranslation();
  const { organisation } = useCurrentUser();
  const [show, setShow] = useState<'open' | 'all'>('open');
  const hazards = useAllHazards({});
  const all = hazards.data ?? [];
  const open = all.filter(isOpen).sort(byDeadline);
  const today = districtDay(Date.now());
  const first = districtDay(Date.now() - (TREND_DAYS - 1) * 86_400_000);
  const overdue = open.filter((h) => h.overdue).length;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('portal.title', { name: organisation?.shortName ?? organisation?.name ?? '' })}
        </Typography.Title>
      </Col>
      {hazards.isError && (
        <Col span={24}>
          <ErrorAlert error={hazards.error} onRetry={() => void hazards.refetch()} />
        </Col>
      )}
      {overdue > 0 && (
        <Col span={24}>
          <Alert type="error" showIcon title={t('portal.overdueAlert', { count: overdue })} />
        </Col>
      )}
      <MyVehiclesCard />
      <Col xs={24} lg={8}>
        <OpenNowCard open={hazards.isSuccess ? open : undefined} loading={hazards.isPending} />
      </Col>
      <Col xs={24} lg={16}>
        <TrendCard hazards={hazards.data} loading={hazards.isPending} first={first} last={today} subtitle={t('portal.trendRange', { days: TREND_DAYS })} />
      </Col>
      <Col span={24}>
        <Card
          title={t('portal.hazards')}
          data-testid="my-hazards"
          extra={
            <Segmented
              value={show}
              onChange={(v) => setShow(v === 'all' ? 'all' : 'open')}
              options={[
                { value: 'open', label: t('portal.showOpen', { count: open.length }) },
                { value: 'all', label: t('portal.showAll', { count: all.length }) },
              ]}
            />
          }
        >
          <HazardTable hazards={show === 'open' ? open : all} loading={hazards.isPending} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </Card>
      </Col>
      <Col span={24}>
        <MyNoticesCard />
      </Col>
    </Row>
  );
}
