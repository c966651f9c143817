import type { ChartOption } from '../../components/chartOption';

const axisGrey = '#8c8c8c';
const gridLine = '#e5e8ee';

export interface TrendPoint {
  label: string;
  value: number;
}

/** The trend to zero: open hazards at each day's end as a line over an area, the last value written at its end. */
export function trendOption(points: readonly TrendPoint[], colour: string, title: string): ChartOption {
  return {
    aria: { enabled: true, label: { description: title } },
    grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => p.label),
      axisLabel: { color: axisGrey },
      axisLine: { lineStyle: { color: gridLine } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: axisGrey }, splitLine: { lineStyle: { color: gridLine } } },
    series: [
      {
        type: 'line',
        name: title,
        data: points.map((p) => p.value),
        showSymbol: points.length <= 40,
        symbolSize: 6,
        lineStyle: { color: colour, width: 2 },
        itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.12 },
        endLabel: { show: true, color: colour, fontWeight: 600, fontSize: 13 },
      },
    ],
  };
}

export interface BarRow {
  label: string;
  count: number;
  colour: string;
}

/** Row height of a breakdown bar, so the card grows with its rows. */
export const BAR_ROW_PX = 34;

/** Counts as horizontal bars, largest on top, each with its count at the end. */
export function breakdownOption(rows: readonly BarRow[], title: string, clickable: boolean): ChartOption {
  return {
    aria: { enabled: true, label: { description: `${title}: ${rows.map((r) => `${r.label} ${r.count}`).join(', ')}` } },
    grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: 'rgba(0,0,0,0.88)', fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        name: title,
        barMaxWidth: 16,
        cursor: clickable ? 'pointer' : 'default',
        data: rows.map((r) => ({ value: r.count, itemStyle: { color: r.colour, borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', fontWeight: 600 },
        showBackground: true,
        backgroundStyle: { color: '#f5f6f8', borderRadius: [0, 3, 3, 0] },
      },
    ],
  };
}
