import type { User } from '@anlan/contracts';
import { Badge, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganisationNames } from '../../api/organisations';
import { useUsers } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePaging } from '../../components/usePaging';
import { formatInstant } from '../../i18n/format';

/** The users the signed-in user may see, paged by the server. */
export function UserTable() {
  const { t } = useTranslation();
  const { query, pagination } = usePaging();
  const list = useUsers(query);
  const names = useOrganisationNames();
  const empty = t('common.empty');
  const columns: TableColumnsType<User> = [
    { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName' },
    { key: 'username', title: t('user.username'), dataIndex: 'username' },
    { key: 'role', title: t('user.role'), render: (_, u) => <Tag color="blue">{t(`role.${u.role}`)}</Tag> },
    {
      key: 'organisation',
      title: t('user.organisation'),
      render: (_, u) => (u.organisationId ? (names.get(u.organisationId) ?? u.organisationId) : empty),
    },
    { key: 'phone', title: t('user.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? empty },
    {
      key: 'status',
      title: t('user.status'),
      render: (_, u) =>
        u.disabled ? <Badge status="default" text={t('user.disabled')} /> : <Badge status="success" text={t('user.active')} />,
    },
    { key: 'createdAt', title: t('user.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
  ];
  return (
    <>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={pagination(list.data?.total)}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
