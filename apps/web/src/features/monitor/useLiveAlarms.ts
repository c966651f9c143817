import type { Alarm, LiveAlarm } from '@anlan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { alarmsKey } from '../../api/alarms';
import { connectLive, type LiveStatus } from '../../map/liveSocket';
import { ring } from './alarmSound';
import { mergeArrivals, unseenIds } from './liveQueue';

export interface LiveAlarms {
  /** Alarms heard on the socket, the latest state of each (at most MAX_ARRIVALS). */
  arrivals: LiveAlarm[];
  /** Ids the socket brought before any page listed them: raised while the queue was open. */
  bornLive: ReadonlySet<string>;
  /** Ids first heard live since the user last looked: the badge and the "new" marks. */
  fresh: ReadonlySet<string>;
  status: LiveStatus;
  /** The user has seen them: clear the marks and read the queue again. */
  markSeen(): void;
}

/**
 * The alarm part of GET /api/live (the socket also carries positions, which the queue ignores). The server scopes it
 * to what the user may see. After a lost connection the queue is read again: what was raised meanwhile was missed.
 */
export function useLiveAlarms(listed: readonly Alarm[] | undefined, soundOn: boolean): LiveAlarms {
  const client = useQueryClient();
  const [arrivals, setArrivals] = useState<LiveAlarm[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [bornLive, setBornLive] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const seen = useRef(new Set<string>());
  const sound = useRef(soundOn);
  sound.current = soundOn;

  // Everything listed has been seen: only alarms the page never showed count as new.
  useEffect(() => {
    for (const a of listed ?? []) seen.current.add(a.id);
  }, [listed]);

  useEffect(() => {
    const socket = connectLive({
      positions: () => undefined,
      alarms: (items) => {
        const unseen = unseenIds(items, seen.current);
        for (const id of unseen) seen.current.add(id);
        setArrivals((before) => mergeArrivals(before, items));
        if (unseen.length > 0) {
          setFresh((before) => new Set([...before, ...unseen]));
          setBornLive((before) => new Set([...before, ...unseen]));
          if (sound.current) ring();
        }
        // The open drawer and the vehicle panels show the new state too.
        for (const a of items) void client.invalidateQueries({ queryKey: [alarmsKey, 'detail', a.id] });
      },
      status: setStatus,
      reopened: () => void client.invalidateQueries({ queryKey: [alarmsKey] }),
    });
    return () => socket.close();
  }, [client]);

  // Rows stay on screen until the queue read again lists them: no flicker between the click and the answer.
  const markSeen = useCallback(() => {
    setFresh(new Set());
    void client.invalidateQueries({ queryKey: [alarmsKey] });
  }, [client]);

  return { arrivals, bornLive, fresh, status, markSeen };
}
