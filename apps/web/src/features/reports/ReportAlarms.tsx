import { alarmSeverities, type MonitoringAlarms } from '@anlan/contracts';
import { Card, Col, Empty, Flex, Row, Space, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { SeverityTag } from '../monitor/AlarmTags';
import { useAlarmLabels } from '../monitor/labels';
import { alarmsByTypeOption, IN_TIME_COLOUR, LATE_COLOUR, TYPE_ROW_PX } from './chartOptions';
import { formatRate } from './rates';

const swatch = (colour: string) => <span style={{ display: 'inline-block', width: 10, height: 10, background: colour, borderRadius: 2, marginInlineEnd: 4 }} />;

/** The day's alarms: how many, how many handled within their severity's time, by severity, and by type as a chart. */
export function ReportAlarms({ alarms, ackMinutes }: { alarms: MonitoringAlarms; ackMinutes: Record<string, number> }) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const names = { inTime: t('reports.inTime'), late: t('reports.late'), title: t('reports.byType') };
  const option = useMemo(
    () => alarmsByTypeOption(alarms.byType.map((r) => ({ label: labels.type(r.type), count: r.count, inTime: r.inTime })), names),
    // names and labels follow the language
    [alarms.byType, labels.locale],
  );
  return (
    <Card title={t('reports.alarmsTitle')} size="small" data-testid="report-alarms">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('reports.alarms')} value={alarms.count} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('reports.acknowledged')} value={alarms.acknowledged} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('reports.inTime')} value={alarms.inTime} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('reports.inTimeRate')} value={formatRate(alarms.inTimeRate)} />
        </Col>
      </Row>
      <Space wrap style={{ margin: '12px 0' }}>
        {alarmSeverities.map((s) => (
          <span key={s}>
            <SeverityTag severity={s} /> {alarms.bySeverity[s] ?? 0}
          </span>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('reports.inTimeRule', {
          minutes: alarmSeverities.map((s) => `${labels.severity(s)} ${ackMinutes[s] ?? '—'}`).join(' · '),
        })}
      </Typography.Paragraph>
      {alarms.byType.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.noAlarms')} />
      ) : (
        <>
          <EChart option={option} height={Math.max(80, alarms.byType.length * TYPE_ROW_PX + 16)} />
          <Flex gap={16} justify="center">
            <span>
              {swatch(IN_TIME_COLOUR)}
              {names.inTime}
            </span>
            <span>
              {swatch(LATE_COLOUR)}
              {names.late}
            </span>
          </Flex>
        </>
      )}
    </Card>
  );
}
