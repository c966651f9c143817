import { createRoute, updateRoute, type LineStringGeometry } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { newRouteValues, routeCreateBody, routeFormValues, routeUpdateBody } from './routeBody';

const line: LineStringGeometry = { type: 'LineString', coordinates: [[121.12, 30.595], [121.102, 30.589]] };
const carrier = '00000000-0000-4000-8000-0000000000aa';

describe('route form → API body', () => {
  it('creates a shared route (no carrier) with the default 200 m corridor', () => {
    const body = routeCreateBody({ ...newRouteValues(), name: ' 港区东路 → 乍浦港码头 ', geometry: line });
    expect(body).toEqual({ name: '港区东路 → 乍浦港码头', geometry: line, bufferM: 200 });
    expect(createRoute.safeParse(body).success).toBe(true);
  });

  it("creates a carrier's route", () => {
    const body = routeCreateBody({ name: '三江化工出厂路线', organisationId: carrier, bufferM: 150, geometry: line });
    expect(body).toEqual({ name: '三江化工出厂路线', organisationId: carrier, bufferM: 150, geometry: line });
    expect(createRoute.safeParse(body).success).toBe(true);
  });

  it('an update makes a cleared carrier shared (null) and sends the line only when edited', () => {
    const values = { name: '三江化工出厂路线', organisationId: undefined, bufferM: 150, geometry: line };
    expect(routeUpdateBody(values, false)).toEqual({ name: '三江化工出厂路线', organisationId: null, bufferM: 150 });
    expect(routeUpdateBody(values, true).geometry).toEqual(line);
    expect(updateRoute.safeParse(routeUpdateBody(values, true)).success).toBe(true);
  });

  it('starts an edit from the stored route', () => {
    const values = routeFormValues({
      id: '00000000-0000-4000-8000-000000000002',
      name: '三江化工出厂路线',
      organisationId: carrier,
      organisationName: '三江化工',
      geometry: line,
      bufferM: 150,
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(values).toEqual({ name: '三江化工出厂路线', organisationId: carrier, bufferM: 150, geometry: line });
  });
});
