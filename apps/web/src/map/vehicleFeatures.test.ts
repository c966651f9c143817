import type { LivePosition } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from './coordinates';
import { countStates, vehicleCollection, vehicleState } from './vehicleFeatures';

const base: LivePosition = {
  vehicleId: '00000000-0000-4000-8000-00000000000a',
  plate: '浙F·D1207',
  organisationId: '00000000-0000-4000-8000-000000000001',
  deviceTime: '2026-01-10T08:00:00.000Z',
  lat: 30.589,
  lon: 121.102,
  speedKmh: 42,
  heading: 135,
  alarmBits: 0,
  statusBits: 3,
  online: true,
};

describe('vehicle state on the map', () => {
  it('shows offline first, then an alarm bit, then moving or stopped', () => {
    expect(vehicleState({ ...base, online: false, alarmBits: 1 })).toBe('offline');
    expect(vehicleState({ ...base, alarmBits: 0x2 })).toBe('alarm');
    expect(vehicleState(base)).toBe('moving');
    expect(vehicleState({ ...base, speedKmh: 0.4 })).toBe('stopped');
  });

  it('places vehicles where the base map draws them and carries what the symbol needs', () => {
    const c = vehicleCollection([base], wgs84ToGcj02);
    expect(c.features[0]!.geometry.coordinates).toEqual(wgs84ToGcj02([121.102, 30.589]));
    expect(c.features[0]!.properties).toEqual({ vehicleId: base.vehicleId, plate: '浙F·D1207', state: 'moving', heading: 135, speedKmh: 42 });
  });

  it('counts vehicles per state for the legend', () => {
    expect(countStates([base, { ...base, online: false }, { ...base, speedKmh: 0 }, { ...base, speedKmh: 0 }])).toEqual({
      offline: 1,
      alarm: 0,
      moving: 1,
      stopped: 2,
    });
  });
});
