import type { MapConfig, ZoneGeometry } from '@anlan/contracts';
import { Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrawControl, type DrawnGeometry } from '../../map/DrawControl';
import { useMap } from '../../map/MapContext';
import { MapView } from '../../map/MapView';
import { GeoContextLayer, type ContextShape } from './GeoContextLayer';
import { boundsOf, editableShape, shapeOf, toDisplayGeometry, toStoredGeometry, type DrawShape } from './geoGeometry';

interface Props {
  config: MapConfig;
  shape: DrawShape;
  /** Zones and routes to show around the drawing (WGS-84). */
  context: readonly ContextShape[];
  /** The geometry in WGS-84, as the API stores it (a form control's value). */
  value?: ZoneGeometry | null;
  onChange?: (geometry: ZoneGeometry | null) => void;
  id?: string;
}

/** Tells when the map has loaded (its children render only then): tests wait for it before drawing. */
function Loaded({ onLoad }: { onLoad: () => void }) {
  useEffect(onLoad, [onLoad]);
  return null;
}

/** Opens the map on the shape being edited. */
function FitTo({ geometry }: { geometry: ZoneGeometry }) {
  const map = useMap();
  useEffect(() => {
    const [w, s, e, n] = boundsOf(geometry);
    map.fitBounds([w, s, e, n], { padding: 60, maxZoom: 16, duration: 0 });
  }, [map, geometry]);
  return null;
}

/**
 * The map part of the zone and route forms: draws a new polygon or line, or edits the stored one vertex by vertex.
 * The map may draw in GCJ-02 (AMap-like tiles); what it reports is converted back to WGS-84 before it reaches the
 * form. A shape terra-draw cannot edit (a MultiPolygon, a polygon with holes) is shown and may be redrawn.
 */
export function GeometryField({ config, shape, context, value, onChange, id }: Props) {
  const { t } = useTranslation();
  const datum = config.datum;
  // Read once: the drawing owns the shape from here on; `generation` restarts it empty.
  const [start, setStart] = useState(() => value ?? null);
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const onLoad = useCallback(() => setLoaded(true), []);
  const initial = useMemo(
    () => (start && shapeOf(start) === shape ? editableShape(toDisplayGeometry(start, datum)) : null),
    [start, shape, datum],
  );
  const fixed = start !== null && initial === null && shapeOf(start) === shape ? start : null;
  const shown = useMemo(() => {
    const all = fixed ? [...context, { id: 'current', geometry: fixed, tone: 'current' as const }] : context;
    return all.map((c) => ({ ...c, geometry: toDisplayGeometry(c.geometry, datum) }));
  }, [context, fixed, datum]);
  const fit = useMemo(() => (start ? toDisplayGeometry(start, datum) : null), [start, datum]);

  const redraw = () => {
    setStart(null);
    setGeneration((g) => g + 1);
    onChange?.(null);
  };
  const drawn = (geometry: DrawnGeometry | null) => onChange?.(geometry ? toStoredGeometry(geometry, datum) : null);

  return (
    <div id={id} data-testid="geometry-field" data-ready={loaded} data-drawn={Boolean(value)}>
      <MapView config={config} style={{ height: 440, borderRadius: 6 }} testId="geo-draw-map">
        <Loaded onLoad={onLoad} />
        <GeoContextLayer shapes={shown} />
        {fit && <FitTo geometry={fit} />}
        {!fixed && <DrawControl key={`${shape}-${generation}`} shape={shape} initial={initial} onChange={drawn} />}
      </MapView>
      <Space style={{ marginTop: 8 }} wrap>
        <Typography.Text type="secondary">
          {fixed ? t('geoAdmin.notEditable') : value ? t('geoAdmin.hintEdit') : t(shape === 'polygon' ? 'geoAdmin.hintPolygon' : 'geoAdmin.hintLine')}
        </Typography.Text>
        <Button size="small" onClick={redraw} data-testid="geo-redraw">
          {t('geoAdmin.redraw')}
        </Button>
      </Space>
    </div>
  );
}
