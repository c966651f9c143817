import type { HazardAction, HazardDetail } from '@anlan/contracts';
import { Button, Card, Empty, Flex, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isHazardAction, useHazardLabels } from '../hazards/labels';
import { ActionForm } from './actions/ActionForm';

/** The next step for most users: filled buttons; the rest plain. */
const primary: readonly HazardAction[] = ['issue_notice', 'submit', 'recheck_pass', 'close', 'start_rectifying'];
const dangerous: readonly HazardAction[] = ['void', 'recheck_fail'];

/** Exactly the actions the server lists for this user and hazard now, each opening its form. */
export function ActionsCard({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const [open, setOpen] = useState<HazardAction | null>(null);
  // The plan has its own card; the server lists it with the other actions.
  const actions = hazard.allowedActions.filter(isHazardAction).filter((a) => a !== 'edit_plan');
  return (
    <Card title={t('action.title')}>
      {actions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('action.none')} />
      ) : (
        <Flex wrap gap={8} data-testid="hazard-actions">
          {actions.map((action) => (
            <Button
              key={action}
              type={primary.includes(action) ? 'primary' : 'default'}
              danger={dangerous.includes(action)}
              data-action={action}
              onClick={() => setOpen(action)}
            >
              {labels.action(action)}
            </Button>
          ))}
        </Flex>
      )}
      <Modal open={open !== null} title={open ? labels.action(open) : ''} width={640} footer={null} destroyOnHidden onCancel={() => setOpen(null)}>
        {open && <ActionForm action={open} hazard={hazard} onDone={() => setOpen(null)} />}
      </Modal>
    </Card>
  );
}
