import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECElementEvent, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { chartFont, type EChartProps } from './chartOption';

// Only what the console draws: about a third of the full ECharts bundle.
use([BarChart, LineChart, AriaComponent, GridComponent, TooltipComponent, SVGRenderer]);

/** The ECharts instance behind <EChart>; loaded on demand, so a page paints before its charts. */
export function EChartCanvas({ option, height, onClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current!;
    // SVG: crisp at any zoom, printable, and text stays selectable.
    const c = init(element, undefined, { renderer: 'svg' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: chartFont }, animationDuration: 300, ...option }, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (event: ECElementEvent) => onClick({ dataIndex: event.dataIndex, name: event.name });
    c.on('click', handler);
    return () => void c.off('click', handler);
  }, [onClick]);

  return <div ref={container} style={{ width: '100%', height }} />;
}
