import { lazy, Suspense } from 'react';
import type { EChartProps } from './chartOption';

const EChartCanvas = lazy(async () => ({ default: (await import('./EChartCanvas')).EChartCanvas }));

/**
 * A chart drawn by ECharts (tree-shaken: line and bar charts, grid, tooltip, aria; SVG renderer). ECharts is its
 * own chunk, fetched when the first chart shows: the page around it paints first, in its reserved height.
 */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div style={{ height: props.height }} />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
