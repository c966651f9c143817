import type { LiveAlarm, LivePosition } from '@anlan/contracts';
import { useEffect, useRef, useState } from 'react';
import { useLatestPositions } from '../../api/vehicles';
import { connectLive, type LiveStatus } from '../../map/liveSocket';
import { LiveStore } from '../../map/liveStore';

export interface LiveVehicles {
  /** Every known vehicle by id; the same Map object, changed in place, with `version` bumped per flush. */
  positions: ReadonlyMap<string, LivePosition>;
  version: number;
  status: LiveStatus;
  /** The first load failed (the map then shows only what the socket brings). */
  loadError: Error | null;
}

/**
 * The vehicles on the live map: the latest positions first, then the WebSocket's updates, merged by vehicle id
 * and handed to React at most twice a second. After a lost connection the latest positions are read again.
 */
export function useLiveVehicles(onAlarms?: (items: LiveAlarm[]) => void): LiveVehicles {
  const latest = useLatestPositions();
  const [state, setState] = useState<{ positions: ReadonlyMap<string, LivePosition>; version: number }>({
    positions: new Map(),
    version: 0,
  });
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const store = useRef<LiveStore | null>(null);
  const alarms = useRef(onAlarms);
  alarms.current = onAlarms;
  const refetch = useRef(latest.refetch);
  refetch.current = latest.refetch;

  useEffect(() => {
    const s = new LiveStore((positions, version) => setState({ positions, version }));
    store.current = s;
    const socket = connectLive({
      positions: (items) => s.offer(items),
      alarms: (items) => alarms.current?.(items),
      status: setStatus,
      reopened: () => void refetch.current(),
    });
    return () => {
      socket.close();
      s.dispose();
      store.current = null;
    };
  }, []);

  useEffect(() => {
    if (latest.data) store.current?.offer(latest.data);
  }, [latest.data]);

  return { ...state, status, loadError: latest.error };
}
