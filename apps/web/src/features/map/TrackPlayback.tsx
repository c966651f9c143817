import { alarmTypeLabels } from '@anlan/contracts';
import { Alert, Button, Card, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayback } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLocale } from '../../i18n';
import type { LngLat } from '../../map/coordinates';
import { TrackLayer, type TrackMark } from '../../map/TrackLayer';
import { alarmBitStarts, cursorAt } from '../../map/trackMath';
import type { Period } from './PlaybackPicker';
import { PlaybackBar } from './PlaybackBar';
import { usePlaybackClock } from './usePlaybackClock';

interface Props {
  vehicleId: string;
  period: Period;
  /** WGS-84 → where the base map draws it. */
  project: (p: LngLat) => LngLat;
  onClose: () => void;
}

const barStyle = { position: 'absolute', left: 12, right: 372, bottom: 28, zIndex: 2 } as const;

/** 轨迹回放: loads the period's track, draws it with its alarms, and plays a marker along it. */
export function TrackPlayback({ vehicleId, period, project, onClose }: Props) {
  const { t } = useTranslation();
  const playback = usePlayback(vehicleId, period);
  const points = useMemo(() => playback.data?.points ?? [], [playback.data]);
  const times = useMemo(() => points.map((p) => Date.parse(p.deviceTime)), [points]);
  const start = times[0] ?? Date.parse(period.from);
  const end = times.at(-1) ?? Date.parse(period.to);
  const clock = usePlaybackClock(start, end);
  const line = useMemo(() => points.map((p) => project([p.lon, p.lat])), [points, project]);
  const marks = useMemo<TrackMark[]>(() => {
    const alarms = playback.data?.alarms ?? [];
    const locale = currentLocale();
    if (alarms.length > 0) {
      return alarms
        .filter((a) => a.lat !== null && a.lon !== null)
        .map((a) => ({ lngLat: project([a.lon!, a.lat!]), label: alarmTypeLabels[a.type][locale] }));
    }
    // Without the alarms API, the terminal's own alarm bits mark the track.
    return alarmBitStarts(points).map((p) => ({ lngLat: project([p.lon, p.lat]), label: t('map.playback.deviceAlarm') }));
  }, [playback.data, points, project, t]);
  const cursor = cursorAt(points, times, clock.t);
  const shown = cursor ? { ...cursor, lngLat: project(cursor.lngLat) } : null;
  // Redrawn when the marker passes a reported point, not on every frame.
  const passed = cursor?.index ?? -1;
  const done = useMemo(() => line.slice(0, passed + 1), [line, passed]);

  if (playback.isPending) {
    return (
      <Card size="small" style={barStyle}>
        <Spin size="small" /> {t('map.playback.loading')}
      </Card>
    );
  }
  if (playback.isError) {
    return (
      <div style={barStyle}>
        <ErrorAlert error={playback.error} onRetry={() => void playback.refetch()} />
      </div>
    );
  }
  const total = playback.data.totalPoints;
  return (
    <>
      <TrackLayer line={line} travelled={done} cursor={shown} marks={marks} />
      <div style={barStyle}>
        {points.length === 0 ? (
          <Alert
            type="info"
            showIcon
            title={t('map.playback.empty')}
            action={<Button size="small" onClick={onClose}>{t('map.playback.close')}</Button>}
          />
        ) : (
          <PlaybackBar
            clock={clock}
            start={start}
            end={end}
            speedKmh={cursor?.speedKmh}
            summary={total > points.length ? t('map.playback.simplified', { shown: points.length, total }) : t('map.playback.points', { count: total })}
            onClose={onClose}
          />
        )}
      </div>
    </>
  );
}
