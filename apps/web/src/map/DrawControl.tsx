import { useEffect, useRef } from 'react';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LngLat } from './coordinates';
import { useMap } from './MapContext';

/** What the control draws: an area, or a line (a corridor's centre). */
export type DrawShape = 'polygon' | 'linestring';
/** One drawn shape, in the base map's (display) coordinates. */
export type DrawnGeometry = { type: 'Polygon'; coordinates: LngLat[][] } | { type: 'LineString'; coordinates: LngLat[] };

interface Props {
  shape: DrawShape;
  /** The shape to edit; absent or null: the user draws a new one. Read when the control mounts (key it to reset). */
  initial?: DrawnGeometry | null;
  /** After each finished drawing or edit: the shape as it is now, or null once it has been deleted. */
  onChange: (geometry: DrawnGeometry | null) => void;
}

const editable = { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true } };

/**
 * Draws one polygon or line on the map with terra-draw, then keeps it selected for editing: drag a vertex, drag a
 * midpoint to add one, right-click a vertex to remove it, drag the whole shape. Delete removes it and drawing starts
 * again. Coordinates are the map's own; converting to the stored datum is the caller's business.
 */
export function DrawControl({ shape, initial, onChange }: Props) {
  const map = useMap();
  const report = useRef(onChange);
  useEffect(() => {
    report.current = onChange;
  }, [onChange]);

  useEffect(() => {
    let counter = 0;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, renderBelowLayerId: 'anchor-top', prefixId: 'anlan-draw' }),
      // terra-draw's default ids use crypto.randomUUID, which plain-HTTP intranet deployments do not have.
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.startsWith('shape-'), getId: () => `shape-${++counter}` },
      modes: [
        new TerraDrawPolygonMode(),
        new TerraDrawLineStringMode(),
        new TerraDrawSelectMode({ allowManualDeselection: false, flags: { polygon: { feature: editable }, linestring: { feature: editable } } }),
      ],
    });
    draw.start();
    let current: string | number | null = null;
    const edit = (id: string | number) => {
      current = id;
      draw.setMode('select');
      draw.selectFeature(id);
    };
    const emit = () => {
      const feature = current === null ? undefined : draw.getSnapshotFeature(current);
      report.current(feature ? (feature.geometry as DrawnGeometry) : null);
    };

    if (initial) {
      const feature: GeoJSONStoreFeatures = { type: 'Feature', geometry: initial, properties: { mode: shape } };
      const [added] = draw.addFeatures([feature]);
      if (added?.valid) edit(added.id!);
    }
    if (current === null) draw.setMode(shape);

    draw.on('finish', (id, context) => {
      if (context.action === 'draw') edit(id);
      if (id === current) emit();
    });
    draw.on('change', (ids, type) => {
      if (current === null || !ids.includes(current)) return;
      if (type === 'delete' && !draw.hasFeature(current)) {
        current = null;
        draw.setMode(shape);
        emit();
      }
    });
    return () => {
      // The page may have removed the map (and terra-draw's layers with it) first.
      if (!map._removed) draw.stop();
    };
  }, [map, shape, initial]);

  return null;
}
