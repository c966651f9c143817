import { describe, expect, it } from 'vitest';
import { alarmsByTypeOption } from './chartOptions';

describe('alarms by type chart', () => {
  it('stacks the part handled in time and the rest, most alarms on top, readable to screen readers', () => {
    const option = alarmsByTypeOption(
      [
        { label: '疲劳驾驶', count: 2, inTime: 2 },
        { label: '超速', count: 5, inTime: 3 },
      ],
      { inTime: '及时处置', late: '未及时处置', title: '按报警类型' },
    );
    expect(option.yAxis).toMatchObject({ data: ['超速', '疲劳驾驶'], inverse: true });
    expect(option.series).toMatchObject([
      { type: 'bar', name: '及时处置', stack: 'count', data: [3, 2] },
      { type: 'bar', name: '未及时处置', stack: 'count', data: [2, 0] },
    ]);
    expect(option.aria).toMatchObject({ label: { description: '按报警类型: 超速 5, 疲劳驾驶 2' } });
  });
});
