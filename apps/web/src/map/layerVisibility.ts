import type { Map as MapLibreMap } from 'maplibre-gl';

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
