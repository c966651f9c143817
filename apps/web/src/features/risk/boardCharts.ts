import type { ColourCounts, RiskColour } from '@anlan/contracts';
import type { ChartOption } from '../../components/chartOption';
import { riskColourHex } from '../../theme';

const axisGrey = '#8c8c8c';
const gridLine = '#e5e8ee';
/** Most severe first in tooltips; stacked from blue at the bottom to red on top. */
export const coloursBySeverity: readonly RiskColour[] = ['red', 'orange', 'yellow', 'blue'];
const bottomUp = [...coloursBySeverity].reverse();

/** Subjects of each colour at the end of each day: four stacked areas, red on top. */
export function riskTrendOption(
  days: readonly (ColourCounts & { day: string })[],
  label: (colour: RiskColour) => string,
  title: string,
): ChartOption {
  return {
    aria: { enabled: true, label: { description: title } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: days.map((d) => d.day.slice(5)),
      axisLabel: { color: axisGrey },
      axisLine: { lineStyle: { color: gridLine } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: axisGrey },
      splitLine: { lineStyle: { color: gridLine } },
    },
    series: bottomUp.map((colour) => ({
      type: 'line' as const,
      name: label(colour),
      stack: 'subjects',
      data: days.map((d) => d[colour]),
      showSymbol: false,
      lineStyle: { color: riskColourHex[colour], width: 1.5 },
      itemStyle: { color: riskColourHex[colour] },
      areaStyle: { color: riskColourHex[colour], opacity: 0.35 },
    })),
  };
}

/** Per subject type: one horizontal bar split into the four colours. */
export function byTypeOption(
  rows: readonly (ColourCounts & { label: string })[],
  label: (colour: RiskColour) => string,
  title: string,
): ChartOption {
  return {
    aria: { enabled: true, label: { description: title } },
    grid: { left: 8, right: 24, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: axisGrey },
      splitLine: { lineStyle: { color: gridLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: 'rgba(0,0,0,0.88)', fontSize: 13 },
    },
    series: coloursBySeverity.map((colour) => ({
      type: 'bar' as const,
      name: label(colour),
      stack: 'type',
      barMaxWidth: 18,
      itemStyle: { color: riskColourHex[colour] },
      data: rows.map((r) => r[colour]),
    })),
  };
}

/** A subject's daily score: a line whose points carry the day's colour. */
export function scoreHistoryOption(
  days: readonly { day: string; colour: RiskColour; score: number }[],
  title: string,
): ChartOption {
  return {
    aria: { enabled: true, label: { description: title } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: days.map((d) => d.day.slice(5)),
      axisLabel: { color: axisGrey },
      axisLine: { lineStyle: { color: gridLine } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: axisGrey },
      splitLine: { lineStyle: { color: gridLine } },
    },
    series: [
      {
        type: 'line',
        name: title,
        data: days.map((d) => ({ value: d.score, itemStyle: { color: riskColourHex[d.colour] } })),
        symbolSize: 7,
        lineStyle: { color: '#8c8c8c', width: 1.5 },
      },
    ],
  };
}
