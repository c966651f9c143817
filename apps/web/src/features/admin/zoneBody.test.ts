import { createZone, updateZone, type LineStringGeometry, type Zone, type ZoneGeometry } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { newZoneValues, zoneAttributes, zoneCreateBody, zoneFormValues, zoneUpdateBody, type ZoneFormValues } from './zoneBody';

const area: ZoneGeometry = {
  type: 'Polygon',
  coordinates: [[[121.09, 30.6], [121.1, 30.6], [121.1, 30.61], [121.09, 30.6]]],
};
const line: LineStringGeometry = { type: 'LineString', coordinates: [[121.09, 30.6], [121.12, 30.59]] };

describe('zone form → API body', () => {
  it('creates a speed-limit zone with its limit and night window, leaving empty fields out', () => {
    const values: ZoneFormValues = {
      name: '  化工园区限速区 ',
      kind: 'speed_limit',
      shape: 'polygon',
      geometry: area,
      category: 'chemical_park',
      speedLimitKmh: 30,
      nightFrom: '22:00',
      nightTo: '06:00',
      bufferM: null,
      maxParkingMinutes: undefined,
    };
    const body = zoneCreateBody(values);
    expect(body).toEqual({
      name: '化工园区限速区',
      kind: 'speed_limit',
      geometry: area,
      category: 'chemical_park',
      speedLimitKmh: 30,
      nightFrom: '22:00',
      nightTo: '06:00',
    });
    expect(createZone.safeParse(body).success).toBe(true);
  });

  it('drops attributes that do not apply to the kind, so the API does not refuse them', () => {
    // A speed limit typed while the kind was speed_limit, then the kind changed to restricted.
    const body = zoneCreateBody({ name: '南湾小学', kind: 'restricted', shape: 'polygon', geometry: area, speedLimitKmh: 30, roadClass: 'urban' });
    expect(body).toEqual({ name: '南湾小学', kind: 'restricted', geometry: area });
    expect(createZone.safeParse(body).success).toBe(true);
  });

  it('creates a road as a corridor: centre line, width, road class and limit', () => {
    const body = zoneCreateBody({ name: '港区东路', kind: 'road', shape: 'linestring', geometry: line, bufferM: 15, roadClass: 'park', speedLimitKmh: 40 });
    expect(body).toEqual({ name: '港区东路', kind: 'road', geometry: line, bufferM: 15, roadClass: 'park', speedLimitKmh: 40 });
    expect(createZone.safeParse(body).success).toBe(true);
  });

  it('an update clears with null what is empty or no longer applies, and sends the geometry only when edited', () => {
    const values: ZoneFormValues = { name: '港区东路', kind: 'restricted', shape: 'polygon', geometry: area, roadClass: 'park', speedLimitKmh: 40, nightFrom: '', nightTo: null };
    const patch = zoneUpdateBody(values, false);
    expect(patch).toEqual({
      name: '港区东路',
      kind: 'restricted',
      category: null,
      bufferM: null,
      roadClass: null,
      speedLimitKmh: null,
      nightFrom: null,
      nightTo: null,
      maxParkingMinutes: null,
    });
    expect(updateZone.safeParse(patch).success).toBe(true);
    expect(zoneUpdateBody(values, true).geometry).toEqual(area);
  });

  it('shows the fields each kind and shape take', () => {
    expect([...zoneAttributes('road', 'linestring')].sort()).toEqual(['bufferM', 'category', 'nightFrom', 'nightTo', 'roadClass', 'speedLimitKmh']);
    expect(zoneAttributes('parking', 'polygon').has('maxParkingMinutes')).toBe(true);
    expect(zoneAttributes('sensitive', 'polygon').has('speedLimitKmh')).toBe(false);
    expect(zoneAttributes('restricted', 'polygon').has('bufferM')).toBe(false);
  });
});

describe('stored zone → form', () => {
  it('starts from the stored values and the shape of the geometry', () => {
    const zone: Zone = {
      id: '00000000-0000-4000-8000-000000000001',
      name: '港区东路',
      kind: 'road',
      category: 'road',
      geometry: line,
      bufferM: 15,
      roadClass: 'park',
      speedLimitKmh: 40,
      nightFrom: null,
      nightTo: null,
      maxParkingMinutes: null,
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const values = zoneFormValues(zone);
    expect(values.shape).toBe('linestring');
    expect(zoneUpdateBody(values, false)).toMatchObject({ kind: 'road', bufferM: 15, roadClass: 'park', speedLimitKmh: 40, category: 'road' });
  });

  it('a new road starts as a corridor, other kinds as an area', () => {
    expect(newZoneValues('road').shape).toBe('linestring');
    expect(newZoneValues().shape).toBe('polygon');
  });
});
