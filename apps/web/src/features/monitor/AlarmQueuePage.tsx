import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisationNames } from '../../api/organisations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AlarmDrawer } from './AlarmDrawer';
import { AlarmFilterBar } from './AlarmFilterBar';
import { storedSoundOn, storeSoundOn, unlockSound } from './alarmSound';
import { AlarmTable } from './AlarmTable';
import { LiveControls } from './LiveControls';
import { queueRows } from './liveQueue';
import { useAlarmParams } from './useAlarmParams';
import { useAlarmQueue } from './useAlarmQueue';
import { useLiveAlarms } from './useLiveAlarms';

/**
 * 报警处置 (monitor, admin, leader) and, with `carrier`, the carrier's own alarms in its portal. Unhandled alarms come
 * first, newest first; alarms raised while the page is open appear on top at once (WebSocket), with a count and an
 * optional bell. Filters, page and the open alarm live in the URL.
 */
export function AlarmQueuePage({ carrier = false }: { carrier?: boolean }) {
  const { t } = useTranslation();
  const { params, page, size, alarmId, setParams, setPage, openAlarm } = useAlarmParams();
  const queue = useAlarmQueue(params, page, size);
  const [soundOn, setSoundOn] = useState(storedSoundOn);
  const live = useLiveAlarms(queue.data?.items, soundOn);
  const names = useOrganisationNames();
  const rows = queue.data ? queueRows(queue.data.items, live.arrivals, live.bornLive, params, page === 1, (id) => names.get(id) ?? '') : undefined;
  // Rows heard live are not in the server's count yet.
  const liveOnTop = rows?.filter((r) => r.live).length ?? 0;
  const toggleSound = (on: boolean) => {
    if (on) unlockSound();
    storeSoundOn(on);
    setSoundOn(on);
  };
  const seen = () => {
    live.markSeen();
    if (page !== 1) setPage(1, size);
  };
  return (
    <Card
      title={t(carrier ? 'alarms.carrierTitle' : 'alarms.title')}
      extra={<LiveControls status={live.status} freshCount={live.fresh.size} soundOn={soundOn} onSound={toggleSound} onSeen={seen} />}
    >
      <AlarmFilterBar value={params} onChange={setParams} byCarrier={!carrier} />
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      <div data-testid="alarm-queue">
        <AlarmTable
          rows={rows}
          loading={queue.isFetching}
          fresh={live.fresh}
          showCarrier={!carrier}
          onOpen={openAlarm}
          pagination={{
            current: page,
            pageSize: size,
            total: queue.data ? queue.data.total + liveOnTop : undefined,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (count) => t(queue.data?.totalCapped ? 'alarms.totalCapped' : 'common.total', { count }),
            onChange: setPage,
          }}
        />
      </div>
      <AlarmDrawer alarmId={alarmId} onClose={() => openAlarm(undefined)} vehiclePath={carrier ? '/my/vehicles' : '/vehicles'} />
    </Card>
  );
}

/** 本企业车辆报警 in the carrier's portal: it may record its handling where the server allows. */
export const MyAlarmsPage = () => <AlarmQueuePage carrier />;
