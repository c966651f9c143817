import { describe, expect, it } from 'vitest';
import { riskColourHex } from '../../theme';
import { byTypeOption, riskTrendOption, scoreHistoryOption } from './boardCharts';

const label = (c: string) => c.toUpperCase();
type Series = { name: string; data: unknown[]; stack?: string; itemStyle: { color: string } };

describe('risk board charts', () => {
  it('stacks the trend from blue at the bottom to red on top, one point per day', () => {
    const days = [
      { day: '2026-12-01', red: 1, orange: 2, yellow: 3, blue: 4 },
      { day: '2026-12-02', red: 2, orange: 2, yellow: 3, blue: 3 },
    ];
    const option = riskTrendOption(days, label, 'trend');
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['BLUE', 'YELLOW', 'ORANGE', 'RED']);
    expect(series[3]!.data).toEqual([1, 2]);
    expect(series[3]!.itemStyle.color).toBe(riskColourHex.red);
    expect(series.every((s) => s.stack === 'subjects')).toBe(true);
    expect((option.xAxis as { data: string[] }).data).toEqual(['12-01', '12-02']);
  });

  it('splits each subject type into the four colours', () => {
    const option = byTypeOption([{ label: '化工企业', red: 2, orange: 0, yellow: 1, blue: 5 }], label, 'types');
    const series = option.series as Series[];
    expect(series.map((s) => [s.name, s.data[0]])).toEqual([
      ['RED', 2],
      ['ORANGE', 0],
      ['YELLOW', 1],
      ['BLUE', 5],
    ]);
  });

  it('colours each day of a subject’s history by its level', () => {
    const option = scoreHistoryOption([{ day: '2026-12-01', colour: 'orange', score: 40 }], 'history');
    const [series] = option.series as { data: { value: number; itemStyle: { color: string } }[] }[];
    expect(series!.data[0]).toEqual({ value: 40, itemStyle: { color: riskColourHex.orange } });
  });
});
