import type { LiveAlarm } from '@anlan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMapConfig } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { toDisplay } from '../../map/coordinates';
import { MapView } from '../../map/MapView';
import { countStates, vehicleCollection } from '../../map/vehicleFeatures';
import { VehiclesLayer } from '../../map/VehiclesLayer';
import { MapLegend } from './MapLegend';
import type { Period } from './PlaybackPicker';
import { TrackPlayback } from './TrackPlayback';
import { useLiveVehicles } from './useLiveVehicles';
import { VehiclePanel } from './VehiclePanel';

/** Fills the console's content area: the window less the header, the page padding and the footer. */
const pageHeight = 'calc(100vh - 64px - 48px - 70px)';

/**
 * 车辆地图: every vehicle the user may see, live (an enterprise sees its own; the server scopes every read), with
 * a panel for the one clicked and 轨迹回放 of a chosen period.
 */
export function MapPage() {
  const config = useMapConfig();
  const client = useQueryClient();
  // /map?vehicle=<id> (from the alarm queue and the vehicle list) opens that vehicle's panel.
  const [params] = useSearchParams();
  const [selected, setSelected] = useState<string | undefined>(() => params.get('vehicle') ?? undefined);
  const [playback, setPlayback] = useState<{ vehicleId: string; period: Period } | null>(null);
  // A new alarm of the vehicle in the panel shows there at once.
  const onAlarms = useCallback(
    (items: LiveAlarm[]) => {
      for (const id of new Set(items.map((a) => a.vehicleId))) void client.invalidateQueries({ queryKey: ['alarms', 'vehicle', id] });
    },
    [client],
  );
  const live = useLiveVehicles(onAlarms);
  const project = useMemo(() => toDisplay(config.data?.datum ?? 'wgs84'), [config.data?.datum]);
  const { positions, version } = live;
  // `positions` is one Map changed in place; `version` tells when it changed (at most ~2×/s).
  const vehicles = useMemo(
    () => ({ collection: vehicleCollection(positions.values(), project), counts: countStates(positions.values()) }),
    [positions, project, version],
  );

  if (config.isError) return <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data) return <FullPageSpinner />;
  return (
    <div style={{ position: 'relative', height: pageHeight, minHeight: 480 }}>
      <MapView config={config.data} style={{ position: 'absolute', inset: 0, borderRadius: 6 }} testId="vehicle-map">
        <VehiclesLayer vehicles={vehicles.collection} selectedId={selected} onSelect={setSelected} />
        {playback && (
          <TrackPlayback key={`${playback.vehicleId}/${playback.period.from}/${playback.period.to}`} vehicleId={playback.vehicleId} period={playback.period} project={project} onClose={() => setPlayback(null)} />
        )}
      </MapView>
      <div style={{ position: 'absolute', top: 12, left: 56, zIndex: 2 }}>
        <MapLegend counts={vehicles.counts} status={live.status} basemap={config.data.basemap} />
        {live.loadError && <ErrorAlert error={live.loadError} />}
      </div>
      {selected && (
        <div style={{ position: 'absolute', top: 12, right: 12, bottom: 12, zIndex: 3, pointerEvents: 'none' }}>
          <div style={{ pointerEvents: 'auto', maxHeight: '100%', display: 'flex' }}>
            <VehiclePanel
              vehicleId={selected}
              live={positions.get(selected)}
              onClose={() => setSelected(undefined)}
              onPlayback={(period) => setPlayback({ vehicleId: selected, period })}
            />
          </div>
        </div>
      )}
    </div>
  );
}
