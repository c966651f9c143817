import type { Campaign } from '@anlan/contracts';
import { Card, Col, Row, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentCampaign, useCampaigns } from '../../api/campaigns';
import { ErrorAlert } from '../../components/ErrorAlert';
import { districtDay } from '../../i18n/format';
import { CampaignStatisticsCard } from './CampaignStatisticsCard';

/** 专项检查: every campaign; the chosen one's figures and briefing below (choice kept in the URL). */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const [params, setParams] = useSearchParams();
  const list = campaigns.data ?? [];
  const chosen = list.find((c) => c.id === params.get('id')) ?? currentCampaign(list, districtDay(Date.now()));
  const today = districtDay(Date.now());
  const columns: TableColumnsType<Campaign> = [
    { key: 'name', title: t('campaign.name'), dataIndex: 'name' },
    {
      key: 'period',
      title: t('campaign.period'),
      render: (_, c) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {c.startsOn} ~ {c.endsOn} {c.startsOn <= today && today <= c.endsOn && <Tag color="processing">{t('campaign.running')}</Tag>}
        </span>
      ),
    },
    { key: 'types', title: t('campaign.subjectTypes'), render: (_, c) => c.subjectTypes.map((s) => <Tag key={s}>{t(`subjectType.${s}`)}</Tag>) },
    { key: 'inspectors', title: t('campaign.inspectors'), render: (_, c) => c.inspectorIds.length },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={t('campaign.title')}>
          {campaigns.isError && <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
          <Table<Campaign>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list}
            loading={campaigns.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowSelection={{ type: 'radio', selectedRowKeys: chosen ? [chosen.id] : [], onChange: ([id]) => setParams(id ? { id: String(id) } : {}) }}
            onRow={(c) => ({ onClick: () => setParams({ id: c.id }), style: { cursor: 'pointer' } })}
          />
        </Card>
      </Col>
      {chosen && (
        <Col span={24}>
          <CampaignStatisticsCard campaignId={chosen.id} title={t('campaign.statisticsOf', { name: chosen.name })} />
        </Col>
      )}
    </Row>
  );
}
