import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMonitoringReport, useMonitoringReports } from '../../api/monitoring-reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { districtDay } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { CarrierSelect } from '../monitor/CarrierSelect';
import { GenerateButton } from './GenerateButton';
import { canGenerateReports } from './permissions';
import { defaultTargets, rateKeys } from './rates';
import { readReportParams, writeReportParams, type ReportListParams } from './reportParams';
import { ReportTable } from './ReportTable';

/**
 * 每日在线监测日报: the district's days (or one carrier's, for regulators; a carrier's users get their own), with the
 * five rates coloured against their targets. A day opens its full report.
 */
export function ReportsPage({ carrier = false }: { carrier?: boolean }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const params = readReportParams(search, Date.now(), districtDay);
  const reports = useMonitoringReports(params.from, params.to, carrier ? undefined : params.organisationId);
  // Rates are coloured against the targets the newest report was computed with (an administrator may change them).
  const newest = useMonitoringReport(reports.data?.[0]?.day, carrier ? undefined : params.organisationId);
  const targets = newest.data?.thresholds.targets ?? defaultTargets;
  const [form] = Form.useForm<ReportListParams>();
  const key = `${params.from}|${params.to}|${params.organisationId ?? ''}`;
  useEffect(() => form.setFieldsValue(params), [form, key]);
  return (
    <Card
      title={t(carrier ? 'reports.carrierTitle' : 'reports.title')}
      extra={canGenerateReports(user.role) && <GenerateButton organisationId={params.organisationId} />}
    >
      <Form<ReportListParams> form={form} layout="inline" onFinish={(v) => setSearch(writeReportParams(v))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="from" label={t('reports.from')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('reports.to')}>
          <Input type="date" />
        </Form.Item>
        {!carrier && (
          <Form.Item name="organisationId" label={t('reports.carrier')}>
            <CarrierSelect placeholder={t('reports.district')} />
          </Form.Item>
        )}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
        </Flex>
      </Form>
      {reports.isError && <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />}
      <div data-testid="report-list">
        <ReportTable items={reports.data} loading={reports.isFetching} targets={targets} basePath={carrier ? '/my/reports' : '/monitor/reports'} />
      </div>
      <Space wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('reports.targets')}</Typography.Text>
        {rateKeys.map((k) => (
          <Typography.Text type="secondary" key={k}>
            {t(`reports.rate.${k}`)} {t(k === 'drift' ? 'reports.targetMax' : 'reports.targetMin', { value: targets[k] })}
          </Typography.Text>
        ))}
      </Space>
    </Card>
  );
}

/** The carrier's own daily reports in its portal. */
export const MyReportsPage = () => <ReportsPage carrier />;
