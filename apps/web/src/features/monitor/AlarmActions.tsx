import type { AlarmAction, AlarmDetail } from '@anlan/contracts';
import { Alert, Button, Empty, Flex, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lastReminder } from './alarmEvents';
import { AlarmActionForm } from './AlarmActionForm';
import { useAlarmLabels } from './labels';

const primary: readonly AlarmAction[] = ['acknowledge', 'handle'];

interface Props {
  alarm: AlarmDetail;
  /**
   * For a narrow place (the map's vehicle panel): small buttons, the reminder's outcome without its text, and nothing
   * at all when no step is open (the alarm's status says why).
   */
  compact?: boolean;
}

/**
 * Exactly the steps the server lists for this user and alarm now, each opening its form: the alarm queue's drawer and
 * the map's vehicle panel both use it, so a step looks and behaves the same wherever it is taken.
 */
export function AlarmActions({ alarm, compact = false }: Props) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const [open, setOpen] = useState<AlarmAction | null>(null);
  const reminder = lastReminder(alarm.events);
  return (
    <>
      {reminder?.result && (
        <Alert
          data-testid="remind-outcome"
          type={reminder.result === 'delivered' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: compact ? 8 : 12 }}
          title={t('alarms.lastRemind', { result: t(`alarms.remindResult.${reminder.result}`) })}
          description={compact ? undefined : reminder.text}
        />
      )}
      {alarm.allowedActions.length === 0 ? (
        !compact && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alarms.noActions')} />
      ) : (
        <Flex wrap gap={compact ? 6 : 8} data-testid="alarm-actions">
          {alarm.allowedActions.map((action) => (
            <Button
              key={action}
              size={compact ? 'small' : 'middle'}
              type={primary.includes(action) ? 'primary' : 'default'}
              data-action={action}
              onClick={() => setOpen(action)}
            >
              {labels.action(action)}
            </Button>
          ))}
        </Flex>
      )}
      {/* The form names its alarm: from the map, several alarms' buttons sit one under another. */}
      <Modal
        open={open !== null}
        title={open ? `${labels.action(open)} · ${alarm.plate} ${labels.type(alarm.type, alarm.subtype)}` : ''}
        width={560}
        footer={null}
        destroyOnHidden
        onCancel={() => setOpen(null)}
      >
        {open && <AlarmActionForm action={open} alarm={alarm} onDone={() => setOpen(null)} onCancel={() => setOpen(null)} />}
      </Modal>
    </>
  );
}
