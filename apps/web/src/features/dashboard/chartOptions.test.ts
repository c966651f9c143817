import { describe, expect, it } from 'vitest';
import { breakdownOption, trendOption } from './chartOptions';

describe('dashboard charts', () => {
  it('draws the trend over every day with the last value written at its end', () => {
    const option = trendOption(
      [
        { label: '11-01', value: 3 },
        { label: '11-02', value: 1 },
        { label: '11-03', value: 0 },
      ],
      '#d9363e',
      '2026-11-01 至 2026-11-03 每日未销号隐患数',
    );
    expect(option.xAxis).toMatchObject({ data: ['11-01', '11-02', '11-03'] });
    expect(option.series).toMatchObject([{ type: 'line', data: [3, 1, 0], endLabel: { show: true } }]);
    expect(option.aria).toMatchObject({ enabled: true, label: { description: expect.stringContaining('每日未销号隐患数') } });
  });

  it('draws a breakdown as bars in the rows’ order and colours, counts readable to screen readers', () => {
    const option = breakdownOption(
      [
        { label: '在建工地', count: 5, colour: '#1f5fbf' },
        { label: '化工企业', count: 2, colour: '#fa8c16' },
      ],
      '按对象类型(未销号)',
      true,
    );
    expect(option.yAxis).toMatchObject({ data: ['在建工地', '化工企业'], inverse: true });
    expect(option.series).toMatchObject([
      { type: 'bar', cursor: 'pointer', data: [{ value: 5, itemStyle: { color: '#1f5fbf' } }, { value: 2, itemStyle: { color: '#fa8c16' } }] },
    ]);
    expect(option.aria).toMatchObject({ label: { description: '按对象类型(未销号): 在建工地 5, 化工企业 2' } });
  });
});
