import { Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRiskBoard } from '../../api/risk';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMinute } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { ByTypeCard } from './ByTypeCard';
import { ColourCounts } from './ColourCounts';
import { EscalationLadder } from './EscalationLadder';
import { MovesThisWeekCard } from './MovesThisWeekCard';
import { canRecompute } from './permissions';
import { RecomputeButton } from './RecomputeButton';
import { readRiskParams, writeRiskParams, type RiskParams } from './riskParams';
import { RiskSubjectsCard } from './RiskSubjectsCard';
import { RiskTrendCard } from './RiskTrendCard';
import { TopRisksCard } from './TopRisksCard';

/**
 * 风险看板: subjects by the four colours and by type, the 30-day trend, the escalation ladder with who stands on it,
 * this week's moves with their reasons, the top risks with their factors, and every subject's level below.
 */
export function RiskBoardPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const board = useRiskBoard();
  const [search, setSearch] = useSearchParams();
  const params = readRiskParams(search);
  const setParams = (next: RiskParams) =>
    setSearch(writeRiskParams(next, new URLSearchParams(search)), { replace: true });
  const data = board.data;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('risk.boardTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {data?.computedAt ? t('risk.computedAt', { at: formatMinute(data.computedAt) }) : t('risk.neverComputed')}
          </Typography.Text>
        </div>
        <Flex gap={24} align="center">
          <Statistic title={t('risk.dailyReview')} value={data?.vehiclesOnDailyReview ?? 0} loading={board.isPending} />
          {canRecompute(user.role) && <RecomputeButton />}
        </Flex>
      </Flex>
      {board.isError && <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />}
      <ColourCounts
        counts={data?.byColour}
        loading={board.isPending}
        selected={params.colour}
        onSelect={(colour) => setParams({ ...params, colour })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <ByTypeCard board={data} loading={board.isPending} />
        </Col>
        <Col xs={24} xl={14}>
          <RiskTrendCard board={data} loading={board.isPending} />
        </Col>
        <Col span={24}>
          <EscalationLadder board={data} onShowLevel={(escalation) => setParams({ ...params, escalation })} />
        </Col>
        <Col xs={24} xl={10}>
          <MovesThisWeekCard board={data} loading={board.isPending} />
        </Col>
        <Col xs={24} xl={14}>
          <TopRisksCard board={data} loading={board.isPending} />
        </Col>
        <Col span={24}>
          <RiskSubjectsCard params={params} onChange={setParams} />
        </Col>
      </Row>
    </Flex>
  );
}
