import type { DomainEvent, HazardDetail } from '@anlan/contracts';
import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEntityEvents } from '../../api/events';
import { useUserNames } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Thumbnails } from '../../components/Thumbnails';
import { formatInstant, formatMinute } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { isHazardAction, useHazardLabels } from '../hazards/labels';
import { eventFacts } from './timelineEvent';

const colours: Record<string, string> = { found: 'red', close: 'green', recheck_pass: 'green', fix_on_spot: 'green', recheck_fail: 'red', void: 'gray' };

/** Who did what and when, oldest first, with the photos before and after. */
export function HazardTimeline({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const events = useEntityEvents('hazard', hazard.id);
  return (
    <Card title={t('timeline.title')}>
      {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      <div data-testid="hazard-timeline">
      <Timeline
        items={(events.data ?? []).map((e) => ({
          key: e.id,
          color: colours[e.type.slice('hazard.'.length)] ?? 'blue',
          content: <TimelineEntry event={e} hazard={hazard} />,
        }))}
      />
      </div>
      {events.isPending && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
    </Card>
  );
}

function TimelineEntry({ event, hazard }: { event: DomainEvent; hazard: HazardDetail }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const names = useUserNames();
  const { user } = useCurrentUser();
  const facts = eventFacts(event.type, event.payload, hazard);
  const title = isHazardAction(facts.action)
    ? labels.action(facts.action)
    : facts.action === 'found' || facts.action === 'plan_saved'
      ? t(`timeline.${facts.action}`)
      : event.type;
  const actor = event.actorId
    ? (names.get(event.actorId) ?? (user.role === 'enterprise' ? t('timeline.regulatorStaff') : event.actorId.slice(0, 8)))
    : t('events.system');
  const lines = [
    facts.number && t('timeline.number', { number: facts.number }),
    facts.deadline && t('timeline.deadline', { deadline: formatMinute(facts.deadline) }),
    facts.escalationTo && t('timeline.escalationTo', { level: t(`escalation.${facts.escalationTo as 'none'}`) }),
    facts.description && t('timeline.description', { text: facts.description }),
    facts.reason && t('timeline.reason', { text: facts.reason }),
    facts.note && t('timeline.note', { text: facts.note }),
  ].filter(Boolean);
  return (
    <div data-testid={`timeline-${facts.action}`}>
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        {actor} · {formatInstant(event.at)}
      </Typography.Text>
      {lines.map((line) => (
        <div key={line as string}>{line}</div>
      ))}
      {facts.photos.map((group) => (
        <Thumbnails key={group.caption} caption={t(`fileRole.${group.caption}`)} files={group.files} />
      ))}
    </div>
  );
}
