import { useSearchParams } from 'react-router';
import { readLedgerParams, writeLedgerParams, type LedgerParams } from './ledgerParams';

const SIZES = [20, 50, 100];

/** The ledger's filters and page live in the URL: a filtered ledger can be shared, bookmarked and exported. */
export function useLedgerParams() {
  const [search, setSearch] = useSearchParams();
  const params = readLedgerParams(search);
  const size = SIZES.includes(Number(search.get('size'))) ? Number(search.get('size')) : 20;
  const page = Math.max(1, Math.floor(Number(search.get('page')) || 1));
  const setParams = (next: LedgerParams) => {
    const written = writeLedgerParams(next);
    if (size !== 20) written.set('size', String(size));
    setSearch(written);
  };
  const setPage = (nextPage: number, nextSize: number) => {
    const written = writeLedgerParams(params);
    if (nextSize !== 20) written.set('size', String(nextSize));
    if (nextPage > 1 && nextSize === size) written.set('page', String(nextPage));
    setSearch(written);
  };
  return { params, page, size, setParams, setPage };
}
