import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageQuery } from '../api/types';

/** limit/offset paging for a server-paged table, as antd pagination props. */
export function usePaging(pageSize = 20) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<PageQuery>({ limit: pageSize, offset: 0 });
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: Math.floor(query.offset / query.limit) + 1,
    pageSize: query.limit,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (count) => t('common.total', { count }),
    onChange: (page, size) => setQuery({ limit: size, offset: size === query.limit ? (page - 1) * size : 0 }),
  });
  return { query, pagination };
}
