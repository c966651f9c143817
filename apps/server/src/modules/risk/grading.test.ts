import { assessRiskPoint, gradeAssessment as grade, lecBandOf, lsColourOf } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { scoreColour } from './grading.js';
import { weekRange } from './iso-week.js';
import { defaultRiskConfig as cfg, riskConfig } from './risk-config.js';

describe('LEC and LS grading', () => {
  it('puts each band edge where the configured thresholds say: exclusive, so D = 160 is orange and 161 red', () => {
    const lec = cfg.lec;
    const colourOf = (d: number) => lec.colours[lecBandOf(d, lec)];
    expect([lecBandOf(321, lec), lecBandOf(320, lec)]).toEqual(['extreme', 'high']);
    expect([lecBandOf(161, lec), lecBandOf(160, lec)]).toEqual(['high', 'significant']);
    expect([lecBandOf(71, lec), lecBandOf(70, lec)]).toEqual(['significant', 'general']);
    expect([lecBandOf(21, lec), lecBandOf(20, lec)]).toEqual(['general', 'acceptable']);
    expect([colourOf(161), colourOf(160), colourOf(71), colourOf(70), colourOf(21), colourOf(20)]).toEqual(['red', 'orange', 'orange', 'yellow', 'yellow', 'blue']);
  });

  it('grades LS as published: 20–25 red, 15–16 orange, 9–12 yellow, ≤ 8 blue', () => {
    const colours = [25, 20, 16, 15, 12, 9, 8, 1].map((r) => lsColourOf(r, cfg.ls));
    expect(colours).toEqual(['red', 'red', 'orange', 'orange', 'yellow', 'yellow', 'blue', 'blue']);
  });

  it('computes D exactly for the decimal factors, and follows a changed mapping', () => {
    expect(grade({ method: 'lec', l: 0.1, e: 6, c: 100 }, cfg)).toEqual({ value: 60, band: 'general', colour: 'yellow' });
    expect(grade({ method: 'lec', l: 0.2, e: 0.5, c: 1 }, cfg)).toEqual({ value: 0.1, band: 'acceptable', colour: 'blue' });
    expect(grade({ method: 'lec', l: 10, e: 6, c: 40 }, cfg)).toEqual({ value: 2400, band: 'extreme', colour: 'red' });
    expect(grade({ method: 'ls', l: 4, s: 4 }, cfg)).toEqual({ value: 16, band: null, colour: 'orange' });
    // A district that paints only > 320 red and 160–320 orange.
    const strict = { ...cfg, lec: { ...cfg.lec, colours: { ...cfg.lec.colours, high: 'orange' as const } } };
    expect(grade({ method: 'lec', l: 3, e: 6, c: 15 }, strict).colour).toBe('orange');
    expect(grade({ method: 'lec', l: 3, e: 6, c: 15 }, cfg)).toMatchObject({ value: 270, colour: 'red' });
  });

  it('accepts only the published LEC values, naming the field', () => {
    const bad = assessRiskPoint.safeParse({ method: 'lec', l: 5, e: 6, c: 7 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['l']);
    expect(assessRiskPoint.safeParse({ method: 'ls', l: 3, s: 6 }).error!.issues[0]!.path).toEqual(['s']);
  });

  it('colours a score by inclusive thresholds', () => {
    expect([60, 59, 35, 34, 15, 14, 0].map((s) => scoreColour(s, cfg))).toEqual(['red', 'orange', 'orange', 'yellow', 'yellow', 'blue', 'blue']);
  });

  it('refuses a configuration whose thresholds do not fall', () => {
    const bad = riskConfig.safeParse({ ...cfg, lec: { ...cfg.lec, above: { extreme: 320, high: 400, significant: 70, general: 20 } } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['lec', 'above']);
    expect(riskConfig.safeParse(cfg).success).toBe(true);
  });
});

describe('ISO weeks in China', () => {
  it('runs Monday 00:00 to Monday 00:00 Asia/Shanghai', () => {
    expect(weekRange('2026-W52', new Date())).toEqual({ week: '2026-W52', from: new Date('2026-12-20T16:00:00Z'), to: new Date('2026-12-27T16:00:00Z') });
    // Sunday 10:00 in China is still the week that began on Monday the 14th.
    expect(weekRange(undefined, new Date('2026-12-20T02:00:00Z'))!.week).toBe('2026-W51');
    // Monday 01:00 in China is Sunday 17:00 UTC: already the next week.
    expect(weekRange(undefined, new Date('2026-12-20T17:00:00Z'))!.week).toBe('2026-W52');
    expect(weekRange('2027-W01', new Date())!.from).toEqual(new Date('2027-01-03T16:00:00Z'));
  });

  it('knows which years have a 53rd week', () => {
    expect(weekRange('2026-W53', new Date())?.week).toBe('2026-W53');
    expect(weekRange('2027-W53', new Date())).toBeUndefined();
  });
});
