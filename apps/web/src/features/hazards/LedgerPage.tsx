import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ledgerExportUrl, useLedger } from '../../api/hazards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HazardTable } from './HazardTable';
import { LedgerFilterBar } from './LedgerFilterBar';
import { toLedgerFilters } from './ledgerParams';
import { useLedgerParams } from './useLedgerParams';

/** 隐患台账: every hazard the user may see, filtered (filters in the URL), paged, exported to Excel. */
export function LedgerPage() {
  const { t } = useTranslation();
  const { params, page, size, setParams, setPage } = useLedgerParams();
  const filters = toLedgerFilters(params);
  const ledger = useLedger(filters, size, (page - 1) * size);
  const exportButton = (
    <Button icon={<DownloadOutlined />} href={ledgerExportUrl(filters)} download>
      {t('ledger.export')}
    </Button>
  );
  return (
    <Card title={t('ledger.title')} extra={exportButton}>
      <LedgerFilterBar value={params} onChange={setParams} />
      {ledger.isError && <ErrorAlert error={ledger.error} onRetry={() => void ledger.refetch()} />}
      <HazardTable
        hazards={ledger.data?.items}
        loading={ledger.isFetching}
        pagination={{
          current: page,
          pageSize: size,
          total: ledger.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (count) => t('common.total', { count }),
          onChange: setPage,
        }}
      />
    </Card>
  );
}
