import type { Alarm } from '@anlan/contracts';
import { Flex, List, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAlarm } from '../../api/alarms';
import { formatInstant } from '../../i18n/format';
import { AlarmActions } from '../monitor/AlarmActions';
import { AlarmStatusTag, EscalatedFlag, SeverityTag } from '../monitor/AlarmTags';
import { useAlarmLabels } from '../monitor/labels';

interface Props {
  alarm: Alarm;
  /** The user's alarm queue (报警处置, or the carrier's own), where the alarm opens in full; none for roles without one. */
  queuePath: string | undefined;
}

/**
 * One alarm of the vehicle in the map's panel. While it is not closed, the steps the server offers this user now
 * are right there, the alarm queue's own buttons and forms: a step taken here updates the queue and vice versa
 * (both read the same alarm queries).
 */
export function VehicleAlarmItem({ alarm, queuePath }: Props) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const inWorkflow = alarm.status !== 'closed';
  // The list carries no actions: the alarm's own record says which steps this user may take now.
  const detail = useAlarm(inWorkflow ? alarm.id : undefined);
  const { refetch } = detail;
  const known = detail.data?.status;
  // The list and the record disagree: someone's step (or the rules) changed the alarm; read the record again.
  useEffect(() => {
    if (known !== undefined && known !== alarm.status) void refetch();
  }, [alarm.status, known, refetch]);
  const status = detail.data?.status ?? alarm.status;
  return (
    <List.Item data-testid="vehicle-alarm" data-alarm-id={alarm.id} data-alarm-status={status} style={{ paddingInline: 0, display: 'block' }}>
      <Flex align="center" wrap gap={4}>
        <SeverityTag severity={alarm.severity} />
        <Typography.Text strong>{labels.type(alarm.type, alarm.subtype)}</Typography.Text>
        <AlarmStatusTag status={status} />
        <EscalatedFlag at={alarm.escalatedAt} />
      </Flex>
      <Flex justify="space-between" gap={8} style={{ margin: '4px 0' }}>
        <Typography.Text type="secondary">{formatInstant(alarm.startedAt)}</Typography.Text>
        {queuePath && (
          <Link to={`${queuePath}?alarm=${alarm.id}`} data-testid="vehicle-alarm-open">
            {t('map.alarmDetail')}
          </Link>
        )}
      </Flex>
      {detail.data && <AlarmActions alarm={detail.data} compact />}
    </List.Item>
  );
}
