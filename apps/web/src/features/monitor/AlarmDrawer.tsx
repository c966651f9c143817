import type { AlarmDetail } from '@anlan/contracts';
import { EnvironmentOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Drawer, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlarm } from '../../api/alarms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { formatInstant } from '../../i18n/format';
import { alarmFacts } from './alarmFacts';
import { AlarmActions } from './AlarmActions';
import { AlarmHistory } from './AlarmHistory';
import { AlarmStatusTag, EscalatedFlag, SeverityTag } from './AlarmTags';
import { useAlarmLabels } from './labels';
import { useFactText } from './useFactText';

interface Props {
  alarmId: string | undefined;
  onClose: () => void;
  /** Where a vehicle opens: the console's vehicle list or the carrier's own. */
  vehiclePath: string;
}

/** 报警详情: the vehicle, driver, cargo, position and figures, the steps open now, and the history. */
export function AlarmDrawer({ alarmId, onClose, vehiclePath }: Props) {
  const { t } = useTranslation();
  const alarm = useAlarm(alarmId);
  return (
    <Drawer open={alarmId !== undefined} onClose={onClose} size="large" title={t('alarms.detail')} destroyOnHidden data-testid="alarm-drawer">
      {alarm.isError && <ErrorAlert error={alarm.error} onRetry={() => void alarm.refetch()} />}
      {alarm.isPending && alarmId && <FullPageSpinner />}
      {alarm.data && <AlarmBody alarm={alarm.data} vehiclePath={vehiclePath} />}
    </Drawer>
  );
}

function AlarmBody({ alarm, vehiclePath }: { alarm: AlarmDetail; vehiclePath: string }) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const facts = useFactText();
  const empty = t('common.empty');
  const lat = alarm.position?.lat ?? alarm.lat;
  const lon = alarm.position?.lon ?? alarm.lon;
  return (
    <div data-testid="alarm-detail" data-alarm-status={alarm.status}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {alarm.plate} · {labels.type(alarm.type, alarm.subtype)}
        </Typography.Title>
        <SeverityTag severity={alarm.severity} />
        <AlarmStatusTag status={alarm.status} />
        <EscalatedFlag at={alarm.escalatedAt} />
      </Flex>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to={`/map?vehicle=${alarm.vehicleId}`} data-testid="alarm-map-link">
          <Button icon={<EnvironmentOutlined />}>
            {t('alarms.onMap')}
          </Button>
        </Link>
        {alarm.hazard && (
          <Link to={`/hazards/${alarm.hazard.id}`} data-testid="alarm-hazard-link">
            <Button icon={<FileSearchOutlined />}>
              {t('alarms.hazard', { code: alarm.hazard.code })}
            </Button>
          </Link>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('alarms.plate')}>
          <Link to={`${vehiclePath}?vehicle=${alarm.vehicleId}`}>{alarm.vehicle.plate}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('alarms.carrier')}>{alarm.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.driver')}>{[alarm.vehicle.driverName, alarm.vehicle.driverPhone].filter(Boolean).join(' ') || empty}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.cargo')}>{alarm.vehicle.cargoName ?? empty}</Descriptions.Item>
        <Descriptions.Item label={t('vehicles.terminal')}>{alarm.vehicle.terminalPhone}</Descriptions.Item>
        <Descriptions.Item label={t('alarms.position')}>
          {lat !== null && lon !== null ? t('alarms.positionValue', { lat: lat.toFixed(5), lon: lon.toFixed(5) }) : empty}
        </Descriptions.Item>
        <Descriptions.Item label={t('alarms.startedAt')}>{formatInstant(alarm.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('alarms.endedAt')}>{alarm.endedAt ? formatInstant(alarm.endedAt) : t('alarms.ongoing')}</Descriptions.Item>
        <Descriptions.Item label={t('alarms.raisedAt')}>{formatInstant(alarm.raisedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('alarms.speedAtStart')}>
          {alarm.position ? t('alarms.unit.kmh', { value: alarm.position.speedKmh }) : empty}
        </Descriptions.Item>
        {alarmFacts(alarm.details).map((fact) => (
          <Descriptions.Item key={fact.key} label={facts.label(fact)}>
            <span data-fact={fact.key}>{facts.value(fact)}</span>
          </Descriptions.Item>
        ))}
        {alarm.handling && (
          <Descriptions.Item label={t('alarms.handling')} span={2}>
            {alarm.handling}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Divider titlePlacement="start">{t('alarms.actions')}</Divider>
      <AlarmActions alarm={alarm} />
      <Divider titlePlacement="start">{t('alarms.history.title')}</Divider>
      <AlarmHistory events={alarm.events} />
    </div>
  );
}
