import { useSearchParams } from 'react-router';
import { isUuid, readAlarmParams, writeAlarmParams, type AlarmParams } from './alarmParams';

const SIZES = [20, 50, 100];

/** The queue's filters, page and open alarm live in the URL: a view can be shared, bookmarked, reloaded. */
export function useAlarmParams() {
  const [search, setSearch] = useSearchParams();
  const params = readAlarmParams(search);
  const size = SIZES.includes(Number(search.get('size'))) ? Number(search.get('size')) : 20;
  const page = Math.max(1, Math.floor(Number(search.get('page')) || 1));
  const alarmParam = search.get('alarm');
  const alarmId = isUuid(alarmParam) ? alarmParam : undefined;
  const write = (next: AlarmParams, nextPage: number, nextSize: number, alarm: string | undefined) => {
    const written = writeAlarmParams(next);
    if (nextSize !== 20) written.set('size', String(nextSize));
    if (nextPage > 1) written.set('page', String(nextPage));
    if (alarm) written.set('alarm', alarm);
    setSearch(written);
  };
  return {
    params,
    page,
    size,
    alarmId,
    setParams: (next: AlarmParams) => write(next, 1, size, alarmId),
    setPage: (nextPage: number, nextSize: number) => write(params, nextSize === size ? nextPage : 1, nextSize, alarmId),
    openAlarm: (id: string | undefined) => write(params, page, size, id),
  };
}
