import type { AlarmDetail, AlarmSeverityLevel } from '@anlan/contracts';
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUserNames } from '../../api/users';
import { formatInstant } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { alarmEventFacts, type AlarmEventFacts } from './alarmEvents';
import { useAlarmLabels } from './labels';

const colours: Record<string, string> = {
  raised: 'red',
  raised_again: 'red',
  severity_raised: 'red',
  escalated: 'magenta',
  remind_failed: 'orange',
  handled: 'green',
  closed: 'gray',
  ended: 'gray',
};

const knownKinds = [
  'raised',
  'raised_again',
  'severity_raised',
  'ended',
  'acknowledged',
  'reminded',
  'remind_failed',
  'carrier_notified',
  'handled',
  'closed',
  'escalated',
  'hazard_linked',
] as const;
type Kind = (typeof knownKinds)[number];
const isKind = (k: string): k is Kind => (knownKinds as readonly string[]).includes(k);
const isSeverity = (s: string | undefined): s is AlarmSeverityLevel => s === 'info' || s === 'warning' || s === 'serious' || s === 'critical';

/** Every step of the alarm, oldest first: who, when, what they wrote, what the terminal answered. */
export function AlarmHistory({ events }: { events: AlarmDetail['events'] }) {
  return (
    <div data-testid="alarm-history">
      <Timeline
        items={events.map((e) => {
          const facts = alarmEventFacts(e.type, e.payload);
          return { key: e.id, color: colours[facts.kind] ?? 'blue', content: <Entry facts={facts} actorId={e.actorId} at={e.at} /> };
        })}
      />
    </div>
  );
}

function Entry({ facts, actorId, at }: { facts: AlarmEventFacts; actorId: string | null; at: string }) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const names = useUserNames();
  const { user } = useCurrentUser();
  const actor = actorId
    ? (names.get(actorId) ?? (user.role === 'enterprise' ? t('alarms.history.staff') : actorId.slice(0, 8)))
    : t('events.system');
  const lines = [
    facts.text && t('alarms.history.text', { text: facts.text }),
    facts.result && t('alarms.history.result', { result: t(`alarms.remindResult.${facts.result}`) }),
    facts.measure && t('alarms.history.measure', { measure: labels.measure(facts.measure) }),
    facts.byRole === 'enterprise' && t('alarms.history.byCarrier'),
    isSeverity(facts.severity) && t('alarms.history.severity', { severity: labels.severity(facts.severity) }),
    facts.unhandledMinutes !== undefined && t('alarms.history.unhandledFor', { minutes: facts.unhandledMinutes }),
    facts.note && t('alarms.history.note', { text: facts.note }),
  ].filter((line): line is string => typeof line === 'string' && line !== '');
  return (
    <div data-testid={`alarm-event-${facts.kind}`}>
      <Typography.Text strong>{isKind(facts.kind) ? t(`alarms.event.${facts.kind}`) : facts.kind}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        {actor} · {formatInstant(at)}
      </Typography.Text>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {facts.hazardId && (
        <div>
          <Link to={`/hazards/${facts.hazardId}`}>{t('alarms.history.hazard', { code: facts.hazardCode ?? facts.hazardId.slice(0, 8) })}</Link>
        </div>
      )}
    </div>
  );
}
