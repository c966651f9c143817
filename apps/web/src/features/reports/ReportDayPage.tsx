import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Result, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { monitoringReportFileUrl, useMonitoringReport } from '../../api/monitoring-reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { StatusResult } from '../../components/StatusResult';
import { formatMinute } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { CarrierSelect } from '../monitor/CarrierSelect';
import { isUuid } from '../monitor/alarmParams';
import { GenerateButton } from './GenerateButton';
import { Offenders } from './Offenders';
import { canGenerateReports } from './permissions';
import { RateCards } from './RateCards';
import { ReportAlarms } from './ReportAlarms';
import { ReportCarriers } from './ReportCarriers';
import { ReportSummary } from './ReportSummary';
import { ReportVehicles } from './ReportVehicles';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One day's 在线监测日报: the five rates against their targets, the figures behind them, alarms by type and how many
 * were handled in time, top offenders, carriers (district report) and every vehicle; Excel and PDF downloads.
 * Regulators switch between the district and a carrier; a carrier's users see their own.
 */
export function ReportDayPage({ carrier = false }: { carrier?: boolean }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { day = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const orgParam = search.get('organisationId');
  const organisationId = !carrier && isUuid(orgParam) ? orgParam : undefined;
  const valid = DAY.test(day);
  const report = useMonitoringReport(valid ? day : undefined, organisationId);
  const basePath = carrier ? '/my/reports' : '/monitor/reports';
  if (!valid) return <StatusResult kind="notFound" />;
  const generator = canGenerateReports(user.role);
  const missing = report.error instanceof ApiError && report.error.status === 404;
  const r = report.data;
  const header = (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Link to={basePath}>
          <Button icon={<ArrowLeftOutlined />}>{t('reports.back')}</Button>
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">
          {t('reports.dayTitle', { day, scope: r?.organisationName ?? (organisationId || carrier ? '' : t('reports.district')) })}
        </Typography.Title>
      </Space>
      <Space wrap>
        {!carrier && (
          <CarrierSelect
            value={organisationId}
            placeholder={t('reports.district')}
            onChange={(id) => setSearch(id ? { organisationId: id } : {})}
          />
        )}
        {r && (
          <>
            <Button icon={<FileExcelOutlined />} href={monitoringReportFileUrl(day, 'xlsx', organisationId)} download data-testid="report-xlsx">
              {t('reports.excel')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={monitoringReportFileUrl(day, 'pdf', organisationId)} target="_blank" data-testid="report-pdf">
              {t('reports.pdf')}
            </Button>
          </>
        )}
        {generator && <GenerateButton day={day} organisationId={organisationId} label={t('reports.regenerate')} />}
      </Space>
    </Flex>
  );
  if (missing) {
    return (
      <Card>
        {header}
        <Result status="info" title={t('reports.missing', { day })} subTitle={generator ? t('reports.missingHint') : undefined} />
      </Card>
    );
  }
  return (
    <Card>
      {header}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.isPending && <FullPageSpinner />}
      {r && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Typography.Text type="secondary">
              {t('reports.generatedLine', { at: formatMinute(r.generatedAt), by: r.generatedBy?.name ?? t('reports.byJob') })}
            </Typography.Text>
          </Col>
          <Col span={24}>
            <RateCards rates={r.summary.rates} targets={r.thresholds.targets} />
          </Col>
          <Col span={24}>
            <ReportSummary summary={r.summary} />
          </Col>
          <Col span={24}>
            <ReportAlarms alarms={r.alarms} ackMinutes={r.thresholds.ackMinutes} />
          </Col>
          <Col span={24}>
            <Offenders report={r} vehiclePath={carrier ? '/my/vehicles' : '/vehicles'} />
          </Col>
          {r.carriers.length > 0 && (
            <Col span={24}>
              <ReportCarriers report={r} targets={r.thresholds.targets} basePath={basePath} />
            </Col>
          )}
          <Col span={24}>
            <ReportVehicles rows={r.vehicles} showCarrier={r.organisationId === null} />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** One day of the carrier's own report in its portal. */
export const MyReportDayPage = () => <ReportDayPage carrier />;
