import { describe, expect, it } from 'vitest';
import { targetOf } from './links';

const id = '0b7e1c2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d';

describe('notification links', () => {
  it('opens hazards and subjects on their pages for everyone', () => {
    expect(targetOf(`/hazards/${id}`, 'enterprise')).toEqual({ kind: 'route', to: `/hazards/${id}` });
    expect(targetOf(`/subjects/${id}`, 'leader')).toEqual({ kind: 'route', to: `/risk/subjects/${id}` });
  });

  it('opens alarms and vehicles where the role may see them', () => {
    expect(targetOf(`/alarms/${id}`, 'monitor')).toEqual({ kind: 'route', to: `/monitor/alarms?alarm=${id}` });
    expect(targetOf(`/alarms/${id}`, 'enterprise')).toEqual({ kind: 'route', to: `/my/alarms?alarm=${id}` });
    expect(targetOf(`/alarms/${id}`, 'inspector')).toBeNull();
    expect(targetOf(`/vehicles/${id}`, 'inspector')).toEqual({ kind: 'route', to: `/vehicles?vehicle=${id}` });
    expect(targetOf(`/vehicles/${id}`, 'enterprise')).toEqual({ kind: 'route', to: `/my/vehicles?vehicle=${id}` });
  });

  it('opens a public report in the triage list for those who triage', () => {
    expect(targetOf(`/public-reports/${id}`, 'inspector')).toEqual({ kind: 'route', to: `/public-reports?report=${id}&triage=all` });
    expect(targetOf(`/public-reports/${id}`, 'monitor')).toBeNull();
    expect(targetOf(`/public-reports/${id}`, 'enterprise')).toBeNull();
  });

  it('opens a digest in place and resolves notices and cases through their hazard', () => {
    expect(targetOf(`/notifications/digests/${id}`, 'inspector')).toEqual({ kind: 'digest', id });
    expect(targetOf(`/notices/${id}`, 'enterprise')).toEqual({ kind: 'notice', id });
    expect(targetOf(`/cases/${id}`, 'enforcement')).toEqual({ kind: 'case', id });
  });

  it('has no target for pages the app does not have or malformed links', () => {
    expect(targetOf(`/inspections/${id}`, 'inspector')).toBeNull();
    expect(targetOf(null, 'inspector')).toBeNull();
    expect(targetOf('https://example.com/hazards/x', 'inspector')).toBeNull();
  });
});
