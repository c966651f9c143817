import { useCallback, useEffect, useState } from 'react';
import { readLayerChoice, writeLayerChoice, type LayerChoice, type MapLayer } from './layerChoice';

/** Which layers the map shows, remembered on this device. */
export function useLayerChoice(): [LayerChoice, (layer: MapLayer, on: boolean) => void] {
  const [choice, setChoice] = useState(readLayerChoice);
  useEffect(() => writeLayerChoice(choice), [choice]);
  const toggle = useCallback(
    (layer: MapLayer, on: boolean) => setChoice((previous) => ({ ...previous, [layer]: on })),
    [],
  );
  return [choice, toggle];
}
