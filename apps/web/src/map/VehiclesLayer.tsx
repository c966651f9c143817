import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { LABEL_FONTS } from './basemap/layers';
import { useMap } from './MapContext';
import { addOverlay, ensureImage, pointerOver, setSourceData } from './overlay';
import { stateColours, vehicleStates, type VehicleProperties } from './vehicleFeatures';
import { drawVehicleIcon, iconPixelRatio, vehicleIconId } from './vehicleIcons';

const SOURCE = 'vehicles';
const SYMBOLS = 'vehicles-symbol';
const CLUSTERS = 'vehicles-clusters';
const SELECTED = 'vehicles-selected';
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

interface Props {
  /** Vehicles placed for display; a new collection at most ~2×/s (the live store's throttle). */
  vehicles: FeatureCollection<Point, VehicleProperties>;
  selectedId: string | undefined;
  onSelect: (vehicleId: string) => void;
}

const selectedFilter = (id: string | undefined): ExpressionSpecification => [
  'all',
  ['!', ['has', 'point_count']],
  ['==', ['get', 'vehicleId'], id ?? ''],
];

/**
 * Live vehicles: clustered at low zoom (a cluster with an alarm gets a red ring), one arrow per vehicle coloured
 * by state and turned to its heading, plates once zoomed in. Clicking a vehicle selects it; a cluster zooms in.
 */
export function VehiclesLayer({ vehicles, selectedId, onSelect }: Props) {
  const map = useMap();
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    for (const state of vehicleStates) ensureImage(map, vehicleIconId(state), () => drawVehicleIcon(stateColours[state]), iconPixelRatio);
    const remove = addOverlay(map, {
      sources: {
        [SOURCE]: {
          type: 'geojson',
          data: empty,
          cluster: true,
          clusterRadius: 40,
          clusterMaxZoom: 13,
          clusterProperties: { alarms: ['+', ['case', ['==', ['get', 'state'], 'alarm'], 1, 0]] },
        },
      },
      layers: [
        {
          below: 'anchor-top',
          layer: {
            id: CLUSTERS,
            type: 'circle',
            source: SOURCE,
            filter: ['has', 'point_count'],
            paint: {
              'circle-color': ['step', ['get', 'point_count'], '#4f8fd9', 20, '#2f6fbf', 100, '#1d4f91'],
              'circle-radius': ['step', ['get', 'point_count'], 15, 20, 19, 100, 24, 1000, 30],
              'circle-stroke-width': ['case', ['>', ['get', 'alarms'], 0], 3, 2],
              'circle-stroke-color': ['case', ['>', ['get', 'alarms'], 0], stateColours.alarm, '#ffffff'],
            },
          },
        },
        {
          below: 'anchor-top',
          layer: {
            id: 'vehicles-cluster-count',
            type: 'symbol',
            source: SOURCE,
            filter: ['has', 'point_count'],
            layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': LABEL_FONTS, 'text-size': 12, 'text-allow-overlap': true },
            paint: { 'text-color': '#ffffff' },
          },
        },
        {
          below: 'anchor-top',
          layer: {
            id: SELECTED,
            type: 'circle',
            source: SOURCE,
            filter: selectedFilter(undefined),
            paint: { 'circle-radius': 19, 'circle-color': 'rgba(31,95,191,0.15)', 'circle-stroke-color': '#1f5fbf', 'circle-stroke-width': 2.5 },
          },
        },
        {
          below: 'anchor-top',
          layer: {
            id: SYMBOLS,
            type: 'symbol',
            source: SOURCE,
            filter: ['!', ['has', 'point_count']],
            layout: {
              'icon-image': ['concat', 'vehicle-', ['get', 'state']],
              'icon-rotate': ['get', 'heading'],
              'icon-rotation-alignment': 'map',
              'icon-allow-overlap': true,
              'icon-ignore-placement': true,
              // Alarms drawn last, on top of the others.
              'symbol-sort-key': ['match', ['get', 'state'], 'alarm', 3, 'moving', 2, 'stopped', 1, 0],
            },
          },
        },
        {
          below: 'anchor-top',
          layer: {
            id: 'vehicles-plate',
            type: 'symbol',
            source: SOURCE,
            filter: ['!', ['has', 'point_count']],
            minzoom: 13.5,
            layout: {
              'text-field': ['get', 'plate'],
              'text-font': LABEL_FONTS,
              'text-size': 11,
              'text-offset': [0, 1.7],
              'text-anchor': 'top',
              'text-optional': true,
            },
            paint: { 'text-color': '#1d2b3a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
          },
        },
      ],
    });
    const onVehicle = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.vehicleId;
      if (typeof id === 'string') select.current(id);
    };
    const onCluster = (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      const clusterId = feature?.properties?.cluster_id;
      if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
      const center = feature.geometry.coordinates as [number, number];
      void map
        .getSource<GeoJSONSource>(SOURCE)
        ?.getClusterExpansionZoom(clusterId)
        .then((zoom) => map.easeTo({ center, zoom }));
    };
    map.on('click', SYMBOLS, onVehicle);
    map.on('click', CLUSTERS, onCluster);
    const pointers = [pointerOver(map, SYMBOLS), pointerOver(map, CLUSTERS)];
    return () => {
      map.off('click', SYMBOLS, onVehicle);
      map.off('click', CLUSTERS, onCluster);
      for (const off of pointers) off();
      remove();
    };
  }, [map]);

  useEffect(() => {
    setSourceData(map, SOURCE, vehicles);
  }, [map, vehicles]);

  useEffect(() => {
    map.setFilter(SELECTED, selectedFilter(selectedId));
  }, [map, selectedId]);

  return null;
}
