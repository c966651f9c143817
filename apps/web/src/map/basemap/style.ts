import type { MapConfig } from '@anlan/contracts';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { offlineLayers } from './layers';

/**
 * Empty markers in the layer stack: each overlay inserts its layers below the marker above it, so zones stay under
 * tracks and tracks under vehicles whichever component mounts first. Bottom to top; a ZonesLayer goes below
 * 'anchor-subjects', a SubjectsLayer below 'anchor-hazards', a HazardsLayer below 'anchor-track'.
 */
export const overlayAnchors = ['anchor-zones', 'anchor-subjects', 'anchor-hazards', 'anchor-track', 'anchor-vehicles', 'anchor-top'] as const;
export type OverlayAnchor = (typeof overlayAnchors)[number];

const anchorLayers: LayerSpecification[] = overlayAnchors.map((id) => ({ id, type: 'background', layout: { visibility: 'none' } }));

/** The shipped GeoJSON of the district, served by the web app itself: the map needs no network. */
export const districtGeojsonUrl = (): string => new URL('/basemap/district.geojson', window.location.href).href;

function raster(tiles: string[], attribution: string): SourceSpecification {
  return { type: 'raster', tiles, tileSize: 256, attribution, maxzoom: 18 };
}

/** The base map's style: the offline demo map, or an online tile service as configured on the server. */
export function basemapStyle(config: MapConfig): StyleSpecification {
  if (config.basemap === 'offline') {
    return {
      version: 8,
      sources: { district: { type: 'geojson', data: districtGeojsonUrl(), attribution: config.attribution } },
      layers: [...offlineLayers('district'), ...anchorLayers],
    };
  }
  const sources: Record<string, SourceSpecification> = { tiles: raster(config.tiles, config.attribution) };
  const layers: LayerSpecification[] = [{ id: 'tiles', type: 'raster', source: 'tiles' }];
  if (config.labelTiles.length > 0) {
    sources.labels = raster(config.labelTiles, config.attribution);
    layers.push({ id: 'labels', type: 'raster', source: 'labels' });
  }
  return { version: 8, sources, layers: [...layers, ...anchorLayers] };
}
