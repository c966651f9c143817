import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/CurrentUser';
import { canCreateIdentity } from '../auth/permissions';
import { CreateOrganisationForm } from './CreateOrganisationForm';
import { OrganisationTable } from './OrganisationTable';

/** 单位: the organisations ledger; admins add organisations. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const create = canCreateIdentity(user.role) && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('org.create')}
    </Button>
  );
  return (
    <Card title={t('org.title')} extra={create}>
      <OrganisationTable />
      <Modal open={creating} title={t('org.create')} footer={null} destroyOnHidden onCancel={() => setCreating(false)}>
        <CreateOrganisationForm onDone={() => setCreating(false)} />
      </Modal>
    </Card>
  );
}
