import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/CurrentUser';
import { canCreateIdentity } from '../auth/permissions';
import { CreateUserForm } from './CreateUserForm';
import { UserTable } from './UserTable';

/** 用户: the accounts ledger; admins add accounts. */
export function UsersPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const create = canCreateIdentity(user.role) && (
    <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
      {t('user.create')}
    </Button>
  );
  return (
    <Card title={t('user.title')} extra={create}>
      <UserTable />
      <Modal open={creating} title={t('user.create')} footer={null} destroyOnHidden onCancel={() => setCreating(false)}>
        <CreateUserForm onDone={() => setCreating(false)} />
      </Modal>
    </Card>
  );
}
