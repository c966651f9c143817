import type { AlarmSeverityLevel, AlarmStatus } from '@anlan/contracts';
import { RiseOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { textOn } from '../../theme';
import { severityColour, useAlarmLabels } from './labels';

export function SeverityTag({ severity }: { severity: AlarmSeverityLevel }) {
  const labels = useAlarmLabels();
  const colour = severityColour[severity];
  return (
    <Tag data-severity={severity} style={{ background: colour, color: textOn(colour), borderColor: colour, marginInlineEnd: 4 }}>
      {labels.severity(severity)}
    </Tag>
  );
}

/** Unhandled stays loud (red, orange); handled and closed are quiet. */
const statusColour: Record<AlarmStatus, string> = { open: 'error', acknowledged: 'warning', handled: 'processing', closed: 'success' };

export function AlarmStatusTag({ status }: { status: AlarmStatus }) {
  const labels = useAlarmLabels();
  return (
    <Tag color={statusColour[status]} data-status={status} style={{ marginInlineEnd: 4 }}>
      {labels.status(status)}
    </Tag>
  );
}

/** Left unhandled past the time its severity allows: the escalation job has told the leaders. */
export function EscalatedFlag({ at }: { at: string | null }) {
  const { t } = useTranslation();
  if (!at) return null;
  return (
    <Tag color="magenta" icon={<RiseOutlined />}>
      {t('alarms.escalated')}
    </Tag>
  );
}
