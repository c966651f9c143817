import type { Organisation } from '@anlan/contracts';
import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganisationNames, useOrganisations } from '../../api/organisations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePaging } from '../../components/usePaging';
import { formatInstant } from '../../i18n/format';

/** The organisations the user may see, paged by the server. */
export function OrganisationTable() {
  const { t } = useTranslation();
  const { query, pagination } = usePaging();
  const list = useOrganisations(query);
  const names = useOrganisationNames();
  const empty = t('common.empty');
  const columns: TableColumnsType<Organisation> = [
    { key: 'name', title: t('org.name'), dataIndex: 'name' },
    { key: 'shortName', title: t('org.shortName'), dataIndex: 'shortName', render: (v: string | null) => v ?? empty },
    { key: 'kind', title: t('org.kind'), dataIndex: 'kind', render: (_, org) => <Tag>{t(`orgKind.${org.kind}`)}</Tag> },
    { key: 'creditCode', title: t('org.creditCode'), dataIndex: 'creditCode', render: (v: string | null) => v ?? empty },
    { key: 'parent', title: t('org.parent'), render: (_, org) => (org.parentId ? (names.get(org.parentId) ?? org.parentId) : empty) },
    { key: 'createdAt', title: t('org.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
  ];
  return (
    <>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Organisation>
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
