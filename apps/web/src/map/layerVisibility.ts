import type { GeoJSON } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { setSourceData } from './overlay';

/** Shows or hides layers without removing them: their sources keep their data, so showing again costs nothing. */
export function setLayersVisible(map: MapLibreMap, layerIds: readonly string[], visible: boolean): void {
  const value = visible ? 'visible' : 'none';
  for (const id of layerIds)
    if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== value)
      map.setLayoutProperty(id, 'visibility', value);
}

/** Every style layer that draws from a source: another component's layers (the vehicles'), found by their source. */
export function layersOfSource(map: MapLibreMap, sourceId: string): string[] {
  return map.getStyle().layers.flatMap((l) => ('source' in l && l.source === sourceId ? [l.id] : []));
}

/**
 * A feature layer's data and visibility, kept in step with its props: the source gets `data` whenever it changes and
 * the layers follow `visible`. `overlayKey` is what the layers were (re-)added for (the district's latitude, say):
 * a re-added overlay starts empty and shown, so both are applied again then.
 */
export function useLayerState(
  map: MapLibreMap,
  sourceId: string,
  data: GeoJSON,
  layerIds: readonly string[],
  visible: boolean,
  overlayKey?: unknown,
): void {
  useEffect(() => {
    setSourceData(map, sourceId, data);
  }, [map, sourceId, data, overlayKey]);
  useEffect(() => {
    setLayersVisible(map, layerIds, visible);
  }, [map, layerIds, visible, overlayKey]);
}
