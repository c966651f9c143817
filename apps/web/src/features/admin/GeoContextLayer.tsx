import type { ZoneGeometry } from '@anlan/contracts';
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { useEffect } from 'react';
import { useMap } from '../../map/MapContext';
import { addOverlay, setSourceData } from '../../map/overlay';

/** A zone or route shown for orientation while drawing, already in display coordinates. */
export interface ContextShape {
  id: string;
  geometry: ZoneGeometry;
  /** Restricted zones red, routes green, the rest blue; 'current' is the shape being edited but not editable. */
  tone: 'restricted' | 'zone' | 'route' | 'current';
}

const SOURCE = 'admin-geo-context';
const tones: ExpressionSpecification = ['match', ['get', 'tone'], 'restricted', '#cf1322', 'route', '#389e0d', 'current', '#fa8c16', '#1f5fbf'];

/** The other zones and routes under the drawing: not clickable, faint, so the new shape is placed among them. */
export function GeoContextLayer({ shapes }: { shapes: readonly ContextShape[] }) {
  const map = useMap();

  useEffect(
    () =>
      addOverlay(map, {
        sources: { [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
        layers: [
          {
            below: 'anchor-subjects',
            layer: {
              id: `${SOURCE}-fill`,
              type: 'fill',
              source: SOURCE,
              filter: ['!=', ['geometry-type'], 'LineString'],
              paint: { 'fill-color': tones, 'fill-opacity': ['case', ['==', ['get', 'tone'], 'current'], 0.3, 0.1] },
            },
          },
          {
            below: 'anchor-subjects',
            layer: {
              id: `${SOURCE}-line`,
              type: 'line',
              source: SOURCE,
              paint: {
                'line-color': tones,
                'line-width': ['case', ['==', ['get', 'tone'], 'current'], 3, 1.5],
                'line-opacity': 0.7,
              },
            },
          },
        ],
      }),
    [map],
  );

  useEffect(() => {
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: shapes.map((s) => ({ type: 'Feature', properties: { tone: s.tone }, geometry: s.geometry })),
    };
    setSourceData(map, SOURCE, data);
  }, [map, shapes]);

  return null;
}
