import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { useEffect } from 'react';
import { LABEL_FONTS } from './basemap/layers';
import type { HazardProperties } from './hazardFeatures';
import { ensureHazardIcons } from './hazardIcons';
import { useLayerState } from './layerVisibility';
import { useMap } from './MapContext';
import { addOverlay, ensureImage } from './overlay';

export const HAZARDS_SOURCE = 'hazards';
/** The layers a click or a hover finds a hazard (or a cluster of them) on. */
export const hazardPickLayers = ['hazards-clusters', 'hazards-symbol'] as const;
const LAYERS = [...hazardPickLayers, 'hazards-label'];
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

const unclustered: ExpressionSpecification = ['!', ['has', 'point_count']];
const clustered: ExpressionSpecification = ['has', 'point_count'];
const countIf = (test: ExpressionSpecification): ExpressionSpecification => ['+', ['case', test, 1, 0]];

interface Props {
  hazards: FeatureCollection<Point, HazardProperties>;
  visible: boolean;
}

/**
 * Open hazards as warning triangles standing on their place: red for major, amber for general, a dark rim once
 * overdue. Clustered at low zoom; a cluster shows the worst marker in it and how many it holds.
 */
export function HazardsLayer({ hazards, visible }: Props) {
  const map = useMap();

  useEffect(() => {
    ensureHazardIcons((id, draw, ratio) => ensureImage(map, id, draw, ratio));
    const below = 'anchor-track';
    return addOverlay(map, {
      sources: {
        [HAZARDS_SOURCE]: {
          type: 'geojson',
          data: empty,
          cluster: true,
          clusterRadius: 36,
          clusterMaxZoom: 13,
          clusterProperties: {
            majors: countIf(['==', ['get', 'level'], 'major']),
            overdue: countIf(['get', 'overdue']),
          },
        },
      },
      layers: [
        {
          below,
          layer: {
            id: 'hazards-clusters',
            type: 'symbol',
            source: HAZARDS_SOURCE,
            filter: clustered,
            layout: {
              'icon-image': [
                'concat',
                'hazard-',
                ['case', ['>', ['get', 'majors'], 0], 'major', 'general'],
                ['case', ['>', ['get', 'overdue'], 0], '-overdue', ''],
              ],
              'icon-size': ['step', ['get', 'point_count'], 1.1, 10, 1.3, 100, 1.5],
              'icon-anchor': 'bottom',
              // Standing a little above its place: the subject's circle under it stays visible and clickable.
              'icon-offset': [0, -6],
              'icon-allow-overlap': true,
              'text-field': ['get', 'point_count_abbreviated'],
              'text-font': LABEL_FONTS,
              'text-size': 11,
              'text-anchor': 'left',
              'text-offset': [0.8, -0.9],
              'text-allow-overlap': true,
            },
            paint: { 'text-color': '#1d2b3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
          },
        },
        {
          below,
          layer: {
            id: 'hazards-symbol',
            type: 'symbol',
            source: HAZARDS_SOURCE,
            filter: unclustered,
            layout: {
              'icon-image': ['get', 'icon'],
              'icon-anchor': 'bottom',
              'icon-offset': [0, -6],
              'icon-allow-overlap': true,
              'icon-ignore-placement': true,
              // Major and overdue ones drawn last, on top of the others.
              'symbol-sort-key': [
                '+',
                ['case', ['==', ['get', 'level'], 'major'], 2, 0],
                ['case', ['get', 'overdue'], 1, 0],
              ],
            },
          },
        },
        {
          below,
          layer: {
            id: 'hazards-label',
            type: 'symbol',
            source: HAZARDS_SOURCE,
            filter: unclustered,
            minzoom: 16,
            layout: {
              'text-field': ['get', 'code'],
              'text-font': LABEL_FONTS,
              'text-size': 10,
              'text-anchor': 'left',
              'text-offset': [0.9, -1.2],
              'text-optional': true,
            },
            paint: { 'text-color': '#1d2b3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
          },
        },
      ],
    });
  }, [map]);

  useLayerState(map, HAZARDS_SOURCE, hazards, LAYERS, visible);

  return null;
}
