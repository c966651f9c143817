import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { LngLatBounds } from 'maplibre-gl';
import { useEffect } from 'react';
import { LABEL_FONTS } from './basemap/layers';
import type { LngLat } from './coordinates';
import { useMap } from './MapContext';
import { addOverlay, ensureImage, setSourceData } from './overlay';
import { stateColours } from './vehicleFeatures';
import { drawVehicleIcon, iconPixelRatio } from './vehicleIcons';

/** An alarm on the track, placed for display, with the label to show beside it. */
export interface TrackMark {
  lngLat: LngLat;
  label: string;
}

interface Props {
  /** The whole track, placed for display. */
  line: LngLat[];
  /** The part already played. */
  travelled: LngLat[];
  cursor: { lngLat: LngLat; heading: number } | null;
  marks: TrackMark[];
}

const lineOf = (coordinates: LngLat[]): Feature<LineString> => ({
  type: 'Feature',
  properties: {},
  // A line needs two points; a one-point track still draws its cursor.
  geometry: { type: 'LineString', coordinates: coordinates.length > 1 ? coordinates : [] },
});
const points = (items: { lngLat: LngLat; props: Record<string, string | number> }[]): FeatureCollection<Point> => ({
  type: 'FeatureCollection',
  features: items.map(({ lngLat, props }) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: lngLat } })),
});
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const CURSOR_ICON = 'track-cursor';

/** 轨迹回放 on the map: the track, the part driven so far, alarm marks and the moving vehicle. */
export function TrackLayer({ line, travelled, cursor, marks }: Props) {
  const map = useMap();

  useEffect(() => {
    ensureImage(map, CURSOR_ICON, () => drawVehicleIcon('#1f5fbf'), iconPixelRatio);
    return addOverlay(map, {
      sources: {
        'track-line': { type: 'geojson', data: empty },
        'track-done': { type: 'geojson', data: empty },
        'track-marks': { type: 'geojson', data: empty },
        'track-cursor': { type: 'geojson', data: empty },
      },
      layers: [
        {
          below: 'anchor-vehicles',
          layer: {
            id: 'track-line',
            type: 'line',
            source: 'track-line',
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': '#7da7e0', 'line-width': 4, 'line-opacity': 0.8 },
          },
        },
        {
          below: 'anchor-vehicles',
          layer: {
            id: 'track-done',
            type: 'line',
            source: 'track-done',
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': '#1f5fbf', 'line-width': 5 },
          },
        },
        {
          below: 'anchor-top',
          layer: {
            id: 'track-marks',
            type: 'circle',
            source: 'track-marks',
            paint: { 'circle-radius': 6, 'circle-color': stateColours.alarm, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
          },
        },
        {
          below: 'anchor-top',
          layer: {
            id: 'track-marks-label',
            type: 'symbol',
            source: 'track-marks',
            minzoom: 12,
            layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONTS, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top' },
            paint: { 'text-color': stateColours.alarm, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
          },
        },
        {
          below: 'anchor-top',
          layer: {
            id: 'track-cursor',
            type: 'symbol',
            source: 'track-cursor',
            layout: {
              'icon-image': CURSOR_ICON,
              'icon-rotate': ['get', 'heading'],
              'icon-rotation-alignment': 'map',
              'icon-allow-overlap': true,
              'icon-ignore-placement': true,
              'icon-size': 1.15,
            },
          },
        },
      ],
    });
  }, [map]);

  useEffect(() => {
    setSourceData(map, 'track-line', lineOf(line));
    if (line.length === 0) return;
    const bounds = line.reduce((b, p) => b.extend(p), new LngLatBounds(line[0], line[0]));
    map.fitBounds(bounds, { padding: { top: 60, bottom: 160, left: 60, right: 400 }, maxZoom: 16, duration: 600 });
  }, [map, line]);

  useEffect(() => {
    setSourceData(map, 'track-done', lineOf(travelled));
  }, [map, travelled]);

  useEffect(() => {
    setSourceData(map, 'track-marks', points(marks.map((m) => ({ lngLat: m.lngLat, props: { label: m.label } }))));
  }, [map, marks]);

  useEffect(() => {
    const data = cursor ? points([{ lngLat: cursor.lngLat, props: { heading: cursor.heading } }]) : empty;
    setSourceData(map, 'track-cursor', data);
  }, [map, cursor]);

  return null;
}
