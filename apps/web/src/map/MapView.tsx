import type { MapConfig } from '@anlan/contracts';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { basemapStyle } from './basemap/style';
import { toDisplay } from './coordinates';
import { MapContext } from './MapContext';

// Bundled, the worker does not sit next to maplibre-gl's module any more: tell it where Vite put it.
setWorkerUrl(workerUrl);

interface Props {
  config: MapConfig;
  /** Layers (components that add sources and layers) and overlays that need the map. */
  children?: ReactNode;
  style?: CSSProperties;
  /** The map's canvas container, e.g. for tests that click a place. */
  testId?: string;
}

/**
 * A MapLibre map on the configured base map. Its children render once the style has loaded, each adding its own
 * sources and layers in an effect and removing them in its cleanup.
 */
export function MapView({ config, children, style, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);

  useEffect(() => {
    const m = new MapLibreMap({
      container: container.current!,
      style: basemapStyle(config),
      center: toDisplay(config.datum)(config.center),
      zoom: config.zoom,
      minZoom: 8,
      maxZoom: 18,
      attributionControl: { compact: true },
      // Live symbols change twice a second: fading each change in would keep the map repainting all the time.
      fadeDuration: 0,
      // Rotation is no help on a monitoring map and confuses heading arrows.
      dragRotate: false,
      pitchWithRotate: false,
    });
    m.touchZoomRotate.disableRotation();
    m.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    m.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    m.once('load', () => setMap(m));
    return () => {
      setMap(null);
      m.remove();
    };
  }, [config]);

  return (
    <div style={{ position: 'relative', overflow: 'hidden', ...style }}>
      <div ref={container} data-testid={testId} style={{ position: 'absolute', inset: 0 }} />
      {map && <MapContext.Provider value={map}>{children}</MapContext.Provider>}
    </div>
  );
}
