import type { HazardDetail } from '@anlan/contracts';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlanForm } from './PlanForm';
import { planParts } from './planParts';

/** 治理方案 of a major hazard: its six parts, and the form when the user may edit it now. */
export function PlanCard({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const canEdit = hazard.allowedActions.includes('edit_plan');
  const edit = canEdit && (
    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
      {hazard.plan ? t('plan.edit') : t('plan.create')}
    </Button>
  );
  return (
    <Card title={t('plan.title')} extra={edit} data-testid="plan-card">
      {hazard.plan ? (
        <Descriptions
          column={1}
          size="small"
          items={planParts.map((part) => ({
            key: part,
            label: t(`plan.${part}`),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{hazard.plan?.[part]}</span>,
          }))}
        />
      ) : (
        <Alert type={canEdit ? 'warning' : 'info'} showIcon title={canEdit ? t('plan.requiredHint') : t('plan.none')} />
      )}
      <Modal open={editing} title={t('plan.title')} width={720} footer={null} destroyOnHidden onCancel={() => setEditing(false)}>
        <PlanForm hazard={hazard} onDone={() => setEditing(false)} />
      </Modal>
    </Card>
  );
}
