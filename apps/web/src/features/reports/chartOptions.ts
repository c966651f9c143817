import type { ChartOption } from '../../components/chartOption';

export interface TypeCount {
  label: string;
  count: number;
  inTime: number;
}

export const IN_TIME_COLOUR = '#52c41a';
export const LATE_COLOUR = '#fa8c16';
/** Row height of a bar, so the chart grows with the number of alarm types. */
export const TYPE_ROW_PX = 32;

/**
 * Alarms by type as horizontal bars, most first: the part handled in time (green) and the rest (orange), stacked to
 * the type's count, which is written at the bar's end.
 */
export function alarmsByTypeOption(rows: readonly TypeCount[], names: { inTime: string; late: string; title: string }): ChartOption {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  return {
    aria: { enabled: true, label: { description: `${names.title}: ${sorted.map((r) => `${r.label} ${r.count}`).join(', ')}` } },
    grid: { left: 8, right: 40, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: 'rgba(0,0,0,0.88)', fontSize: 13 },
    },
    series: [
      { type: 'bar', name: names.inTime, stack: 'count', barMaxWidth: 16, itemStyle: { color: IN_TIME_COLOUR }, data: sorted.map((r) => r.inTime) },
      {
        type: 'bar',
        name: names.late,
        stack: 'count',
        barMaxWidth: 16,
        itemStyle: { color: LATE_COLOUR, borderRadius: [0, 3, 3, 0] },
        data: sorted.map((r) => r.count - r.inTime),
        // The type's whole count at the end of the stack.
        label: { show: true, position: 'right', fontWeight: 600, formatter: ({ dataIndex }) => String(sorted[dataIndex]?.count ?? '') },
      },
    ],
  };
}
