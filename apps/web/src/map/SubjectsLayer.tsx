import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { useEffect } from 'react';
import { riskColourHex } from '../theme';
import { LABEL_FONTS } from './basemap/layers';
import { matchProperty } from './expressions';
import { useLayerState } from './layerVisibility';
import { useMap } from './MapContext';
import { addOverlay } from './overlay';
import { riskColoursBySeverity, type SubjectProperties } from './subjectFeatures';

export const SUBJECTS_SOURCE = 'subjects';
/** The layers a click or a hover finds a subject (or a cluster of them) on. */
export const subjectPickLayers = ['subjects-clusters', 'subjects-circle'] as const;
const LAYERS = [...subjectPickLayers, 'subjects-cluster-count', 'subjects-label'];
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

const unclustered: ExpressionSpecification = ['!', ['has', 'point_count']];
const clustered: ExpressionSpecification = ['has', 'point_count'];
/** A cluster takes the colour of the worst subject in it. */
const clusterColour: ExpressionSpecification = [
  'case',
  ['>', ['get', 'red'], 0],
  riskColourHex.red,
  ['>', ['get', 'orange'], 0],
  riskColourHex.orange,
  ['>', ['get', 'yellow'], 0],
  riskColourHex.yellow,
  riskColourHex.blue,
];
const countOf = (rank: number): ExpressionSpecification => ['+', ['case', ['==', ['get', 'rank'], rank], 1, 0]];

interface Props {
  subjects: FeatureCollection<Point, SubjectProperties>;
  visible: boolean;
}

/**
 * 检查对象 by their four-colour risk level (the risk board's shades): clustered at low zoom in the colour of the worst
 * subject in each cluster, one circle per subject once zoomed in (red on top, a dark rim when escalated).
 */
export function SubjectsLayer({ subjects, visible }: Props) {
  const map = useMap();

  useEffect(() => {
    const below = 'anchor-hazards';
    return addOverlay(map, {
      sources: {
        [SUBJECTS_SOURCE]: {
          type: 'geojson',
          data: empty,
          cluster: true,
          clusterRadius: 36,
          clusterMaxZoom: 13,
          clusterProperties: { red: countOf(0), orange: countOf(1), yellow: countOf(2) },
        },
      },
      layers: [
        {
          below,
          layer: {
            id: 'subjects-clusters',
            type: 'circle',
            source: SUBJECTS_SOURCE,
            filter: clustered,
            paint: {
              'circle-color': clusterColour,
              'circle-opacity': 0.85,
              'circle-radius': ['step', ['get', 'point_count'], 12, 10, 15, 50, 19, 200, 24],
              'circle-stroke-width': 2,
              'circle-stroke-color': '#ffffff',
            },
          },
        },
        {
          below,
          layer: {
            id: 'subjects-cluster-count',
            type: 'symbol',
            source: SUBJECTS_SOURCE,
            filter: clustered,
            layout: {
              'text-field': ['get', 'point_count_abbreviated'],
              'text-font': LABEL_FONTS,
              'text-size': 11,
              'text-allow-overlap': true,
            },
            paint: {
              'text-color': ['case', ['==', clusterColour, riskColourHex.yellow], 'rgba(0,0,0,0.85)', '#ffffff'],
            },
          },
        },
        {
          below,
          layer: {
            id: 'subjects-circle',
            type: 'circle',
            source: SUBJECTS_SOURCE,
            filter: unclustered,
            layout: { 'circle-sort-key': ['-', riskColoursBySeverity.length, ['get', 'rank']] },
            paint: {
              'circle-color': matchProperty('colour', riskColourHex, riskColourHex.blue),
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 5, 16, 8],
              'circle-stroke-width': ['case', ['get', 'escalated'], 2.5, 1.5],
              'circle-stroke-color': ['case', ['get', 'escalated'], '#262626', '#ffffff'],
            },
          },
        },
        {
          below,
          layer: {
            id: 'subjects-label',
            type: 'symbol',
            source: SUBJECTS_SOURCE,
            filter: unclustered,
            minzoom: 15,
            layout: {
              'text-field': ['get', 'name'],
              'text-font': LABEL_FONTS,
              'text-size': 11,
              'text-offset': [0, 1],
              'text-anchor': 'top',
              'text-optional': true,
            },
            paint: { 'text-color': '#1d2b3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
          },
        },
      ],
    });
  }, [map]);

  useLayerState(map, SUBJECTS_SOURCE, subjects, LAYERS, visible);

  return null;
}
