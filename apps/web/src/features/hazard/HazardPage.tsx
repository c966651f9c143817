import { Col, Row } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useHazard } from '../../api/hazards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { StatusResult } from '../../components/StatusResult';
import { ActionsCard } from './ActionsCard';
import { HazardHeader } from './HazardHeader';
import { HazardTimeline } from './HazardTimeline';
import { NoticesCard } from './NoticesCard';
import { PlanCard } from './PlanCard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One hazard: header, the actions the user may take now (only those the server allows), the notices
 * with their PDFs, the treatment plan of a major hazard, and the timeline of everything that happened.
 * Another organisation's hazard answers 404, the same as one that does not exist.
 */
export function HazardPage() {
  const { id = '' } = useParams();
  if (!UUID.test(id)) return <StatusResult kind="notFound" />;
  return <HazardView id={id} />;
}

function HazardView({ id }: { id: string }) {
  const hazard = useHazard(id);
  if (hazard.isPending) return <FullPageSpinner />;
  if (hazard.isError) {
    if (hazard.error instanceof ApiError && hazard.error.status === 404) return <StatusResult kind="notFound" />;
    return <ErrorAlert error={hazard.error} onRetry={() => void hazard.refetch()} />;
  }
  const detail = hazard.data;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <HazardHeader hazard={detail} />
      </Col>
      <Col xs={24} xl={14}>
        <HazardTimeline hazard={detail} />
      </Col>
      <Col xs={24} xl={10}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <ActionsCard hazard={detail} />
          </Col>
          <Col span={24}>
            <NoticesCard notices={detail.notices} />
          </Col>
          {detail.level === 'major' && (
            <Col span={24}>
              <PlanCard hazard={detail} />
            </Col>
          )}
        </Row>
      </Col>
    </Row>
  );
}
