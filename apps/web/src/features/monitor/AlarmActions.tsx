import type { AlarmAction, AlarmDetail } from '@anlan/contracts';
import { Alert, Button, Empty, Flex, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lastReminder } from './alarmEvents';
import { AlarmActionForm } from './AlarmActionForm';
import { useAlarmLabels } from './labels';

const primary: readonly AlarmAction[] = ['acknowledge', 'handle'];

/** Exactly the steps the server lists for this user and alarm now, each opening its form. */
export function AlarmActions({ alarm }: { alarm: AlarmDetail }) {
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
          style={{ marginBottom: 12 }}
          title={t('alarms.lastRemind', { result: t(`alarms.remindResult.${reminder.result}`) })}
          description={reminder.text}
        />
      )}
      {alarm.allowedActions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alarms.noActions')} />
      ) : (
        <Flex wrap gap={8} data-testid="alarm-actions">
          {alarm.allowedActions.map((action) => (
            <Button key={action} type={primary.includes(action) ? 'primary' : 'default'} data-action={action} onClick={() => setOpen(action)}>
              {labels.action(action)}
            </Button>
          ))}
        </Flex>
      )}
      <Modal open={open !== null} title={open ? labels.action(open) : ''} width={560} footer={null} destroyOnHidden onCancel={() => setOpen(null)}>
        {open && <AlarmActionForm action={open} alarm={alarm} onDone={() => setOpen(null)} onCancel={() => setOpen(null)} />}
      </Modal>
    </>
  );
}
