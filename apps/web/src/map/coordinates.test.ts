import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  fromDisplay,
  gcj02ToBd09,
  gcj02ToWgs84,
  toDisplay,
  wgs84ToBd09,
  wgs84ToGcj02,
  type LngLat,
} from './coordinates';

/** Metres between two nearby points (equirectangular is plenty at this scale). */
function metres(a: LngLat, b: LngLat): number {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = (b[1] - a[1]) * k;
  return Math.hypot(x, y) * 6_371_000;
}

const close = (actual: LngLat, expected: LngLat, digits = 9) => {
  expect(actual[0]).toBeCloseTo(expected[0], digits);
  expect(actual[1]).toBeCloseTo(expected[1], digits);
};

// Reference values of the widely used coordtransform library (Tiananmen, 116.404 E 39.915 N).
describe('GCJ-02 and BD-09 against published reference values', () => {
  const p: LngLat = [116.404, 39.915];

  it('WGS-84 → GCJ-02', () => close(wgs84ToGcj02(p), [116.41024449916938, 39.91640428150164]));
  it('GCJ-02 → BD-09', () => close(gcj02ToBd09(p), [116.41036949371029, 39.92133699351021]));
  it('BD-09 → GCJ-02', () => close(bd09ToGcj02(p), [116.39762729119315, 39.90865673957631]));

  it('GCJ-02 → WGS-84 agrees with the one-step inverse to within a metre and is exact on the round trip', () => {
    const back = gcj02ToWgs84(p);
    expect(metres(back, [116.39775550083061, 39.91359571849836])).toBeLessThan(1);
    expect(metres(wgs84ToGcj02(back), p)).toBeLessThan(0.001);
  });
});

describe('in the district (乍浦, 嘉兴港区)', () => {
  const wharf: LngLat = [121.102, 30.589];

  it('shifts GCJ-02 by a few hundred metres, as the published offset is there', () => {
    const shift = metres(wharf, wgs84ToGcj02(wharf));
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
  });

  it('round-trips WGS-84 → BD-09 → WGS-84 to within centimetres (the published BD-09 inverse is approximate)', () => {
    expect(metres(bd09ToWgs84(wgs84ToBd09(wharf)), wharf)).toBeLessThan(0.1);
  });

  it('converts for display only where the base map needs it', () => {
    expect(toDisplay('wgs84')(wharf)).toEqual(wharf);
    expect(toDisplay('gcj02')(wharf)).toEqual(wgs84ToGcj02(wharf));
    expect(toDisplay('bd09')(wharf)).toEqual(wgs84ToBd09(wharf));
    expect(metres(fromDisplay('gcj02')(toDisplay('gcj02')(wharf)), wharf)).toBeLessThan(0.001);
  });
});

it('leaves places outside China as they are', () => {
  const paris: LngLat = [2.3522, 48.8566];
  expect(wgs84ToGcj02(paris)).toEqual(paris);
  expect(gcj02ToWgs84(paris)).toEqual(paris);
});
