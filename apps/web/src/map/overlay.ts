import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { OverlayAnchor } from './basemap/style';

export interface Overlay {
  sources: Record<string, SourceSpecification>;
  /** Layers with the anchor each goes below (see overlayAnchors), bottom to top. */
  layers: { layer: LayerSpecification; below: OverlayAnchor }[];
}

/**
 * Adds an overlay's sources and layers and returns what removes them again: the body and the cleanup of a layer
 * component's effect. The cleanup does nothing once the map itself is gone (the page unmounts the map first).
 */
export function addOverlay(map: MapLibreMap, overlay: Overlay): () => void {
  for (const [id, source] of Object.entries(overlay.sources)) map.addSource(id, source);
  for (const { layer, below } of overlay.layers) map.addLayer(layer, below);
  return () => {
    if (map._removed) return;
    for (const { layer } of [...overlay.layers].reverse()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    for (const id of Object.keys(overlay.sources)) if (map.getSource(id)) map.removeSource(id);
  };
}

/** Registers an icon once per map (several layers may ask for the same one). */
export function ensureImage(map: MapLibreMap, id: string, draw: () => ImageData, pixelRatio = 2): void {
  if (!map.hasImage(id)) map.addImage(id, draw(), { pixelRatio });
}

/** A pointer cursor over a layer's features: they can be clicked. Returns the cleanup. */
export function pointerOver(map: MapLibreMap, layerId: string): () => void {
  const enter = () => (map.getCanvas().style.cursor = 'pointer');
  const leave = () => (map.getCanvas().style.cursor = '');
  map.on('mouseenter', layerId, enter);
  map.on('mouseleave', layerId, leave);
  return () => {
    map.off('mouseenter', layerId, enter);
    map.off('mouseleave', layerId, leave);
  };
}

/**
 * Replaces a GeoJSON source's data. The promise only tells when the worker has taken it; one cut short because the
 * map went away meanwhile is no error, so failures are logged rather than left unhandled.
 */
export function setSourceData(map: MapLibreMap, sourceId: string, data: GeoJSON): void {
  map
    .getSource<GeoJSONSource>(sourceId)
    ?.setData(data)
    .catch((error: unknown) => console.warn(`map source ${sourceId}:`, error));
}
