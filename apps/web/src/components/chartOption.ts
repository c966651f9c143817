import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, ECElementEvent } from 'echarts/core';

/** What <EChart> can draw: only the charts and components it registers (tree-shaken ECharts). */
export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | AriaComponentOption | GridComponentOption | TooltipComponentOption>;

/** A click on a bar or a point: which one (`dataIndex`) and its category name. */
export type ChartClick = Pick<ECElementEvent, 'dataIndex' | 'name'>;

export interface EChartProps {
  option: ChartOption;
  height: number;
  onClick?: (event: ChartClick) => void;
}

/** The console's font, so charts read like the rest of the page. */
export const chartFont =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";
