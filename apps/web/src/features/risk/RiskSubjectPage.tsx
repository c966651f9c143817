import { Col, Row } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSubjectRisk } from '../../api/risk';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { StatusResult } from '../../components/StatusResult';
import { FactorsCard } from './FactorsCard';
import { LadderCard } from './LadderCard';
import { RiskHistoryCard } from './RiskHistoryCard';
import { RiskPointsCard } from './RiskPointsCard';
import { SubjectRiskHeader } from './SubjectRiskHeader';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One subject's risk: its colour and score, the facts behind them, its ladder history, and its risk points with their
 * LEC / LS gradings. Another organisation's subject answers 404, the same as one that does not exist.
 */
export function RiskSubjectPage() {
  const { id = '' } = useParams();
  if (!UUID.test(id)) return <StatusResult kind="notFound" />;
  return <SubjectRiskView key={id} id={id} />;
}

function SubjectRiskView({ id }: { id: string }) {
  const risk = useSubjectRisk(id);
  if (risk.isPending) return <FullPageSpinner />;
  if (risk.isError) {
    if (risk.error instanceof ApiError && risk.error.status === 404) return <StatusResult kind="notFound" />;
    return <ErrorAlert error={risk.error} onRetry={() => void risk.refetch()} />;
  }
  const detail = risk.data;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <SubjectRiskHeader risk={detail} />
      </Col>
      <Col xs={24} xl={14}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <FactorsCard factors={detail.factors} score={detail.score} />
          </Col>
          <Col span={24}>
            <RiskPointsCard subjectId={detail.subjectId} points={detail.riskPoints} />
          </Col>
        </Row>
      </Col>
      <Col xs={24} xl={10}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <RiskHistoryCard history={detail.history} />
          </Col>
          <Col span={24}>
            <LadderCard risk={detail} />
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
