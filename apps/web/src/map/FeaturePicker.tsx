import { Popup, type GeoJSONSource, type MapMouseEvent, type PointLike } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { LngLat } from './coordinates';
import { layersOfSource } from './layerVisibility';
import { useMap } from './MapContext';
import { pickOf, type PickKind } from './pickFeature';

export interface Pick {
  kind: PickKind;
  id: string;
  /** Where its popup stands, in display coordinates. */
  at: LngLat;
}

interface Props {
  /** The pickable layers of subjects, hazards, zones and routes; any order (the map knows which is on top). */
  layers: readonly string[];
  /** Sources whose layers handle their own clicks (the vehicles): a click on them picks nothing here. */
  ownClicks: readonly string[];
  onPick: (pick: Pick | null) => void;
  /** The feature whose popup is open: hovering it shows no second label over the popup. */
  openId?: string | undefined;
}

/** A few pixels around the pointer: thin lines and small circles are hard to hit exactly. */
const SLOP = 4;
const around = ({ x, y }: { x: number; y: number }): [PointLike, PointLike] => [
  [x - SLOP, y - SLOP],
  [x + SLOP, y + SLOP],
];

/**
 * One click and hover handler for every overlay layer: the topmost feature wins, so a subject inside a zone opens the
 * subject, a cluster zooms in, and a vehicle is left to its own layer. Hovering shows the feature's name.
 */
export function FeaturePicker({ layers, ownClicks, onPick, openId }: Props) {
  const map = useMap();
  const pick = useRef(onPick);
  pick.current = onPick;
  const open = useRef(openId);
  open.current = openId;

  useEffect(() => {
    const hover = new Popup({
      closeButton: false,
      closeOnClick: false,
      className: 'map-hover',
      offset: 10,
      maxWidth: '260px',
    });
    const query = (e: MapMouseEvent) => {
      const wanted = [...layers, ...ownClicks.flatMap((s) => layersOfSource(map, s))].filter((id) => map.getLayer(id));
      const features = map.queryRenderedFeatures(around(e.point), { layers: wanted });
      return pickOf(features, [e.lngLat.lng, e.lngLat.lat]);
    };
    const onClick = (e: MapMouseEvent) => {
      hover.remove();
      const p = query(e);
      switch (p.kind) {
        case 'other':
          return pick.current(null);
        case 'nothing':
          return pick.current(null);
        case 'cluster':
          pick.current(null);
          void map
            .getSource<GeoJSONSource>(p.source)
            ?.getClusterExpansionZoom(p.clusterId)
            .then((zoom) => map.easeTo({ center: p.center, zoom }));
          return;
        default:
          return pick.current({ kind: p.kind, id: p.id, at: p.at });
      }
    };
    // One query per animation frame at most, however fast the pointer moves.
    let frame = 0;
    let last: MapMouseEvent | undefined;
    const onMove = (e: MapMouseEvent) => {
      last = e;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!last || map._removed) return;
        const p = query(last);
        map.getCanvas().style.cursor = p.kind === 'nothing' ? '' : 'pointer';
        const named = p.kind === 'subject' || p.kind === 'hazard' || p.kind === 'zone' || p.kind === 'route';
        if (named && p.id !== open.current) hover.setLngLat(last.lngLat).setText(p.name).addTo(map);
        else hover.remove();
      });
    };
    const onOut = () => {
      hover.remove();
      map.getCanvas().style.cursor = '';
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    return () => {
      cancelAnimationFrame(frame);
      map.off('click', onClick);
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      hover.remove();
    };
  }, [map, layers, ownClicks]);

  return null;
}
