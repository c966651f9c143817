import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect } from 'react';
import { useLayerState } from './layerVisibility';
import { useMap } from './MapContext';
import { addOverlay } from './overlay';
import { corridorWidth, lineLabelLayer, routeColour, type RouteProperties } from './zoneFeatures';

export const ROUTES_SOURCE = 'routes';
/** The layers a click or a hover finds an approved route on. */
export const routePickLayers = ['routes-corridor', 'routes-line'] as const;
const LAYERS = [...routePickLayers, 'routes-label'];
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

interface Props {
  routes: FeatureCollection<Geometry, RouteProperties>;
  visible: boolean;
  /** The district's latitude, for the corridor's width in pixels. */
  latitude: number;
}

/** 核定路线 in force: a dashed teal line over a band as wide as the corridor a vehicle must keep to. */
export function RoutesLayer({ routes, visible, latitude }: Props) {
  const map = useMap();

  useEffect(() => {
    const below = 'anchor-subjects';
    return addOverlay(map, {
      sources: { [ROUTES_SOURCE]: { type: 'geojson', data: empty } },
      layers: [
        {
          below,
          layer: {
            id: 'routes-corridor',
            type: 'line',
            source: ROUTES_SOURCE,
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': routeColour, 'line-opacity': 0.14, 'line-width': corridorWidth(latitude) },
          },
        },
        {
          below,
          layer: {
            id: 'routes-line',
            type: 'line',
            source: ROUTES_SOURCE,
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': routeColour, 'line-width': 3, 'line-dasharray': [2, 1.2] },
          },
        },
        {
          below,
          layer: lineLabelLayer('routes-label', ROUTES_SOURCE, routeColour),
        },
      ],
    });
  }, [map, latitude]);

  useLayerState(map, ROUTES_SOURCE, routes, LAYERS, visible, latitude);

  return null;
}
