import { Col, Flex, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentCampaign, useCampaigns } from '../../api/campaigns';
import { useAllHazards } from '../../api/hazards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { districtDay } from '../../i18n/format';
import { CampaignStatisticsCard } from '../campaigns/CampaignStatisticsCard';
import { Breakdowns } from './Breakdowns';
import { HazardListCard } from './HazardListCard';
import { OpenNowCard } from './OpenNowCard';
import { TrendCard } from './TrendCard';

/**
 * 首页 · 动态清零: open hazards now and their trend over the campaign, by subject type and status; the
 * campaign's published figures and briefing; the overdue and escalated hazards.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = districtDay(Date.now());
  const campaigns = useCampaigns();
  const list = campaigns.data ?? [];
  const campaign = list.find((c) => c.id === params.get('campaign')) ?? currentCampaign(list, today);
  const open = useAllHazards({ status: 'open' });
  const ofCampaign = useAllHazards({ campaignId: campaign?.id }, campaign !== undefined);
  const openList = open.data ?? [];
  const last = campaign && campaign.endsOn < today ? campaign.endsOn : today;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Select
          style={{ minWidth: 280 }}
          loading={campaigns.isPending}
          value={campaign?.id}
          placeholder={t('dashboard.chooseCampaign')}
          options={list.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(id: string) => setParams({ campaign: id })}
        />
      </Flex>
      {open.isError && <ErrorAlert error={open.error} onRetry={() => void open.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <OpenNowCard open={open.data} loading={open.isPending} linkTo={(filter) => `/hazards?${filter}`} />
        </Col>
        <Col xs={24} lg={16}>
          <TrendCard
            hazards={ofCampaign.data}
            loading={campaign !== undefined && ofCampaign.isPending}
            first={campaign?.startsOn ?? today}
            last={last}
            subtitle={campaign?.name}
          />
        </Col>
        <Breakdowns open={open.data} loading={open.isPending} ledgerLinks />
        {campaign && (
          <Col span={24}>
            <CampaignStatisticsCard campaignId={campaign.id} title={t('dashboard.campaignFigures', { name: campaign.name })} />
          </Col>
        )}
        <Col xs={24} xl={12}>
          <HazardListCard
            testId="overdue-list"
            title={t('dashboard.overdueList')}
            hazards={openList.filter((h) => h.overdue)}
            loading={open.isPending}
            more="/hazards?status=open&overdue=true"
            moreLabel={t('dashboard.all')}
          />
        </Col>
        <Col xs={24} xl={12}>
          <HazardListCard
            testId="escalated-list"
            title={t('dashboard.escalatedList')}
            hazards={openList.filter((h) => h.escalation !== 'none')}
            loading={open.isPending}
            moreLabel={t('dashboard.all')}
          />
        </Col>
      </Row>
    </Flex>
  );
}
