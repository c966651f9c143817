import type { SubjectRiskDetail } from '@anlan/contracts';
import { Alert, Button, Card, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';
import { ClearEscalationForm, SetEscalationForm } from './EscalationForm';
import { EscalationMoves } from './EscalationMoves';
import { EvidenceLinks } from './EvidenceLinks';
import { useLocalised } from './localised';
import { canSetEscalation } from './permissions';

/** The subject on the ladder: why it stands where it does, a manual setting if any, and every move so far. */
export function LadderCard({ risk }: { risk: SubjectRiskDetail }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const { user } = useCurrentUser();
  const [open, setOpen] = useState<'set' | 'clear' | null>(null);
  const state = risk.escalationState;
  const controls = canSetEscalation(user.role) && (
    <Flex gap={8}>
      <Button size="small" onClick={() => setOpen('set')} data-action="set-escalation">
        {t('risk.setEscalation')}
      </Button>
      {state.manual && (
        <Button size="small" danger onClick={() => setOpen('clear')} data-action="clear-escalation">
          {t('risk.clearEscalation')}
        </Button>
      )}
    </Flex>
  );
  return (
    <Card title={t('risk.ladder')} extra={controls} data-testid="subject-ladder">
      <Flex vertical gap={12}>
        {state.manual && (
          <Alert
            type="warning"
            showIcon
            title={t('risk.manualSet', {
              level: t(`risk.level.${state.manual.level}`),
              at: formatMinute(state.manual.at),
            })}
            description={state.manual.reason}
          />
        )}
        {state.reasons.length > 0 && (
          <div>
            <Typography.Text strong>{t('risk.reasonsNow')}</Typography.Text>
            {state.reasons.map((r) => (
              <div key={r.code} style={{ marginTop: 4 }}>
                <Typography.Text>{text(r.label)}</Typography.Text>
                <EvidenceLinks code={r.code} ids={r.evidenceIds} />
              </div>
            ))}
          </div>
        )}
        <Typography.Text strong>{t('risk.moves')}</Typography.Text>
        <EscalationMoves moves={risk.moves} showSubject={false} testId="subject-moves" />
      </Flex>
      <Modal
        open={open !== null}
        title={open === 'clear' ? t('risk.clearEscalation') : t('risk.setEscalation')}
        footer={null}
        destroyOnHidden
        onCancel={() => setOpen(null)}
      >
        {open === 'set' && (
          <SetEscalationForm subjectId={risk.subjectId} current={state.level} onDone={() => setOpen(null)} />
        )}
        {open === 'clear' && <ClearEscalationForm subjectId={risk.subjectId} onDone={() => setOpen(null)} />}
      </Modal>
    </Card>
  );
}
