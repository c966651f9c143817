import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCampaignStatistics } from '../../api/campaigns';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BriefingParagraph } from './BriefingParagraph';
import { CampaignFigures } from './CampaignFigures';

/** 本次专项检查: the figures, the briefing, and a way into the campaign's ledger. */
export function CampaignStatisticsCard({ campaignId, title }: { campaignId: string; title: string }) {
  const { t } = useTranslation();
  const stats = useCampaignStatistics(campaignId);
  const ledger = (
    <Link to={`/hazards?campaignId=${campaignId}`}>
      <Button icon={<FileSearchOutlined />}>{t('campaign.ledger')}</Button>
    </Link>
  );
  return (
    <Card title={title} extra={ledger} loading={stats.isPending}>
      {stats.isError && <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data && (
        <Flex vertical gap={16}>
          <CampaignFigures stats={stats.data} />
          <BriefingParagraph text={stats.data.briefing} />
        </Flex>
      )}
    </Card>
  );
}
