import type { LiveAlarm } from '@anlan/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMapConfig } from '../../api/vehicles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { toDisplay } from '../../map/coordinates';
import { FeaturePicker, type Pick } from '../../map/FeaturePicker';
import { HazardsLayer, hazardPickLayers } from '../../map/HazardsLayer';
import { MapView } from '../../map/MapView';
import { RoutesLayer, routePickLayers } from '../../map/RoutesLayer';
import { SourceVisibility } from '../../map/SourceVisibility';
import { SubjectsLayer, subjectPickLayers } from '../../map/SubjectsLayer';
import { countStates, vehicleCollection } from '../../map/vehicleFeatures';
import { VehiclesLayer } from '../../map/VehiclesLayer';
import { ZonesLayer, zonePickLayers } from '../../map/ZonesLayer';
import { FeaturePopup, type Picked } from './FeaturePopup';
import type { MapLayer } from './layerChoice';
import { LayerSwitcher } from './LayerSwitcher';
import { MapLegend } from './MapLegend';
import type { Period } from './PlaybackPicker';
import { TrackPlayback } from './TrackPlayback';
import { useLayerChoice } from './useLayerChoice';
import { useLiveVehicles } from './useLiveVehicles';
import { useMapLayers } from './useMapLayers';
import { VehiclePanel } from './VehiclePanel';

/** Fills the console's content area: the window less the header, the page padding and the footer. */
const pageHeight = 'calc(100vh - 64px - 48px - 70px)';
/** Every overlay layer a click can open a popup on; vehicles keep their own click (the panel). */
const pickLayers = [...zonePickLayers, ...routePickLayers, ...subjectPickLayers, ...hazardPickLayers];
const ownClicks = ['vehicles'];
const layerOfKind: Record<Pick['kind'], MapLayer> = { subject: 'subjects', hazard: 'hazards', zone: 'zones', route: 'routes' };

/**
 * 实时地图: every vehicle the user may see, live, over subjects by risk colour, open hazards, zones and approved
 * routes (an enterprise sees its own; the server scopes every read); a panel for the vehicle clicked, 轨迹回放 of a
 * chosen period, a popup for anything else clicked, and a layer switcher remembered on this device.
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
  const [choice, toggleLayer] = useLayerChoice();
  const layers = useMapLayers(project);
  const [pick, setPick] = useState<Pick | null>(null);
  // The popup shows what the latest answer says of the feature; it closes when the feature or its layer is gone.
  const picked = useMemo((): Picked | null => {
    if (!pick || !choice[layerOfKind[pick.kind]]) return null;
    const f = layers.find;
    switch (pick.kind) {
      case 'subject': {
        const item = f.subject.get(pick.id);
        return item ? { kind: 'subject', item } : null;
      }
      case 'hazard': {
        const item = f.hazard.get(pick.id);
        return item ? { kind: 'hazard', item } : null;
      }
      case 'zone': {
        const item = f.zone.get(pick.id);
        return item ? { kind: 'zone', item } : null;
      }
      case 'route': {
        const item = f.route.get(pick.id);
        return item ? { kind: 'route', item } : null;
      }
    }
  }, [pick, choice, layers.find]);

  if (config.isError) return <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data) return <FullPageSpinner />;
  return (
    <div style={{ position: 'relative', height: pageHeight, minHeight: 480 }}>
      <MapView config={config.data} style={{ position: 'absolute', inset: 0, borderRadius: 6 }} testId="vehicle-map">
        <ZonesLayer zones={layers.zones} visible={choice.zones} latitude={config.data.center[1]} />
        <RoutesLayer routes={layers.routes} visible={choice.routes} latitude={config.data.center[1]} />
        <SubjectsLayer subjects={layers.subjects} visible={choice.subjects} />
        <HazardsLayer hazards={layers.hazards} visible={choice.hazards} />
        <VehiclesLayer vehicles={vehicles.collection} selectedId={selected} onSelect={setSelected} />
        <SourceVisibility source="vehicles" visible={choice.vehicles} />
        <FeaturePicker layers={pickLayers} ownClicks={ownClicks} onPick={setPick} openId={picked ? pick?.id : undefined} />
        {pick && picked && <FeaturePopup key={`${pick.kind}/${pick.id}`} pick={pick} picked={picked} onClose={() => setPick(null)} />}
        {playback && (
          <TrackPlayback key={`${playback.vehicleId}/${playback.period.from}/${playback.period.to}`} vehicleId={playback.vehicleId} period={playback.period} project={project} onClose={() => setPlayback(null)} />
        )}
      </MapView>
      <div style={{ position: 'absolute', top: 12, left: 56, zIndex: 2 }}>
        <MapLegend
          counts={vehicles.counts}
          status={live.status}
          basemap={config.data.basemap}
          switcher={<LayerSwitcher choice={choice} onToggle={toggleLayer} vehicles={positions.size} counts={layers.loaded ? layers.counts : undefined} />}
        />
        {live.loadError && <ErrorAlert error={live.loadError} />}
        {layers.error && <ErrorAlert error={layers.error} onRetry={() => void layers.refetch()} />}
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
