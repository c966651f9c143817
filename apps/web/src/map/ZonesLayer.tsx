import type { FeatureCollection, Geometry } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { useEffect } from 'react';
import { LABEL_FONTS } from './basemap/layers';
import { matchProperty } from './expressions';
import { useLayerState } from './layerVisibility';
import { useMap } from './MapContext';
import { addOverlay } from './overlay';
import { corridorWidth, lineLabelLayer, zoneColours, type ZoneProperties } from './zoneFeatures';

export const ZONES_SOURCE = 'zones';
/** The layers a click or a hover finds a zone on. */
export const zonePickLayers = ['zones-fill', 'zones-corridor', 'zones-line'] as const;
const LAYERS = [...zonePickLayers, 'zones-outline', 'zones-label-area', 'zones-label-line'];
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

const byKind = matchProperty('kind', zoneColours, '#8c8c8c');
const isArea: ExpressionSpecification = ['==', ['get', 'shape'], 'area'];
const isLine: ExpressionSpecification = ['==', ['get', 'shape'], 'line'];

interface Props {
  zones: FeatureCollection<Geometry, ZoneProperties>;
  visible: boolean;
  /** The district's latitude, for the corridor's width in pixels. */
  latitude: number;
}

/**
 * 区域 in force, below everything else: areas filled and outlined in their kind's colour (restricted red, speed
 * limit orange, parking green, sensitive purple, roads grey), corridors as a line with a band as wide as the buffer.
 * Names appear once zoomed in.
 */
export function ZonesLayer({ zones, visible, latitude }: Props) {
  const map = useMap();

  useEffect(() => {
    const below = 'anchor-subjects';
    return addOverlay(map, {
      sources: { [ZONES_SOURCE]: { type: 'geojson', data: empty } },
      layers: [
        {
          below,
          layer: {
            id: 'zones-fill',
            type: 'fill',
            source: ZONES_SOURCE,
            filter: isArea,
            paint: { 'fill-color': byKind, 'fill-opacity': ['match', ['get', 'kind'], 'restricted', 0.2, 0.13] },
          },
        },
        {
          below,
          layer: {
            id: 'zones-corridor',
            type: 'line',
            source: ZONES_SOURCE,
            filter: isLine,
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': byKind, 'line-opacity': 0.16, 'line-width': corridorWidth(latitude) },
          },
        },
        {
          below,
          layer: {
            id: 'zones-outline',
            type: 'line',
            source: ZONES_SOURCE,
            filter: isArea,
            paint: {
              'line-color': byKind,
              'line-width': ['match', ['get', 'kind'], 'restricted', 2, 1.3],
              'line-opacity': 0.85,
            },
          },
        },
        {
          below,
          layer: {
            id: 'zones-line',
            type: 'line',
            source: ZONES_SOURCE,
            filter: isLine,
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': byKind, 'line-width': 2, 'line-opacity': 0.8 },
          },
        },
        {
          below,
          layer: {
            id: 'zones-label-area',
            type: 'symbol',
            source: ZONES_SOURCE,
            filter: isArea,
            minzoom: 13,
            layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONTS, 'text-size': 11, 'text-optional': true },
            paint: { 'text-color': byKind, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
          },
        },
        {
          below,
          layer: lineLabelLayer('zones-label-line', ZONES_SOURCE, byKind, isLine),
        },
      ],
    });
  }, [map, latitude]);

  useLayerState(map, ZONES_SOURCE, zones, LAYERS, visible, latitude);

  return null;
}
