import { describe, expect, it } from 'vitest';
import { evidenceHref, evidenceKind } from './evidence';

const id = '0b7e1c2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';

describe('risk evidence links', () => {
  it('tells hazards, alarms and risk points apart by the factor code', () => {
    expect(evidenceKind('open_major_hazards')).toBe('hazard');
    expect(evidenceKind('overdue_hazards')).toBe('hazard');
    expect(evidenceKind('major_hazard_open')).toBe('hazard');
    expect(evidenceKind('vehicle_violations')).toBe('alarm');
    expect(evidenceKind('repeat_violations')).toBe('alarm');
    expect(evidenceKind('alarm_handling')).toBe('alarm');
    expect(evidenceKind('assessed_risk')).toBe('riskPoint');
  });

  it('opens an alarm in the queue the user may open, or nowhere', () => {
    expect(evidenceHref('alarm', id, 'monitor')).toBe(`/monitor/alarms?alarm=${id}`);
    expect(evidenceHref('alarm', id, 'leader')).toBe(`/monitor/alarms?alarm=${id}`);
    expect(evidenceHref('alarm', id, 'enterprise')).toBe(`/my/alarms?alarm=${id}`);
    expect(evidenceHref('alarm', id, 'inspector')).toBeNull();
  });

  it('opens hazards on their page and risk points further down the subject page', () => {
    expect(evidenceHref('hazard', id, 'enterprise')).toBe(`/hazards/${id}`);
    expect(evidenceHref('riskPoint', id, 'inspector')).toBe(`#risk-point-${id}`);
  });
});
