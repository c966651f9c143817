import { Popup } from 'maplibre-gl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { LngLat } from './coordinates';
import { useMap } from './MapContext';

interface Props {
  /** Where it stands, in display coordinates. */
  at: LngLat;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A MapLibre popup whose content is React (links, tags, the app's contexts all work): the popup follows its place
 * as the map moves, and its close button tells the page.
 */
export function MapPopup({ at, onClose, children, testId }: Props) {
  const map = useMap();
  const [container] = useState(() => document.createElement('div'));
  const close = useRef(onClose);
  close.current = onClose;
  const [lng, lat] = at;

  useEffect(() => {
    if (testId) container.dataset.testid = testId;
    const popup = new Popup({ closeOnClick: false, maxWidth: '320px', offset: 14, focusAfterOpen: false })
      .setDOMContent(container)
      .setLngLat([lng, lat])
      .addTo(map);
    const closed = () => close.current();
    popup.on('close', closed);
    return () => {
      // Removed by the page (another pick, unmount): not a close by the user.
      popup.off('close', closed);
      popup.remove();
    };
  }, [map, container, lng, lat, testId]);

  return createPortal(children, container);
}
