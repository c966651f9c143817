import { describe, expect, it } from 'vitest';
import { readRiskParams, writeRiskParams } from './riskParams';

describe('risk board URL filters', () => {
  it('reads only valid values', () => {
    const params = readRiskParams(new URLSearchParams('colour=red&type=hazmat_carrier&escalation=listed&q=%20三江%20'));
    expect(params).toEqual({ colour: 'red', type: 'hazmat_carrier', escalation: 'listed', q: '三江' });
    expect(readRiskParams(new URLSearchParams('colour=purple&type=castle&escalation=max&q=%20'))).toEqual({});
  });

  it('writes the filters and keeps other parameters', () => {
    const written = writeRiskParams({ colour: 'orange' }, new URLSearchParams('type=household&tab=x'));
    expect(written.get('colour')).toBe('orange');
    expect(written.get('type')).toBeNull();
    expect(written.get('tab')).toBe('x');
  });
});
