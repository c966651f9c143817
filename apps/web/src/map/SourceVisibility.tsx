import { useEffect } from 'react';
import { layersOfSource, setLayersVisible } from './layerVisibility';
import { useMap } from './MapContext';

/**
 * Shows or hides every layer drawing from a source another component owns (the vehicles'). Render it after that
 * component: effects run in order, so its layers exist by then.
 */
export function SourceVisibility({ source, visible }: { source: string; visible: boolean }) {
  const map = useMap();
  useEffect(() => {
    setLayersVisible(map, layersOfSource(map, source), visible);
  }, [map, source, visible]);
  return null;
}
