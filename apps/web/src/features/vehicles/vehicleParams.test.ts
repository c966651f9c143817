import { describe, expect, it } from 'vitest';
import { readVehicleParams, toVehicleFilters, writeVehicleParams } from './vehicleParams';

describe('vehicle list parameters', () => {
  it('keeps what the API accepts and drops the rest', () => {
    expect(readVehicleParams(new URLSearchParams('q= 浙F &status=online&organisationId=x'))).toEqual({ q: '浙F', status: 'online' });
    expect(readVehicleParams(new URLSearchParams('q=123456789012345678901&status=parked'))).toEqual({});
  });

  it('writes filters and passes them to the API', () => {
    const out = writeVehicleParams({ q: 'D0001', status: 'never' }, new URLSearchParams('vehicle=abc&status=online'));
    expect(out.toString()).toBe('vehicle=abc&status=never&q=D0001');
    expect(toVehicleFilters({ status: 'offline' })).toEqual({ q: undefined, organisationId: undefined, status: 'offline' });
  });
});
