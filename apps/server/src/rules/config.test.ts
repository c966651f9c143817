import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, rulesConfig, rulesConfigIssues } from './config.js';
import { resolveParams } from './params.js';

describe('rules config', () => {
  it('has every default, the hazmat limits first', () => {
    expect(defaultRulesConfig.speed.limitsKmh).toEqual({ expressway: 80, urban: 60, park: 30 });
    expect(defaultRulesConfig.fatigue).toMatchObject({ continuousLimitMin: 240, minRestMin: 20, dailyLimitMin: 480 });
    expect(defaultRulesConfig.night.windows.expressway).toEqual({ from: '00:00', to: '06:00' });
    expect(defaultRulesConfig.device.bits.emergency).toBe('critical');
    expect(defaultRulesConfig.device.vendorBits).toBe('off');
    // A stored value round-trips: what parse gives back parses to itself.
    expect(rulesConfig.parse(JSON.parse(JSON.stringify(defaultRulesConfig)))).toEqual(defaultRulesConfig);
  });

  it('fills what a partial edit leaves out', () => {
    const c = rulesConfig.parse({ speed: { limitsKmh: { expressway: 70 } } });
    expect(c.speed.limitsKmh).toEqual({ expressway: 70, urban: 60, park: 30 });
    expect(c.fatigue.continuousLimitMin).toBe(240);
  });

  it('names the field in every error', () => {
    const r = rulesConfig.safeParse({
      speed: { limitsKmh: { expressway: -5 }, toleranceKmh: 'two' },
      night: { windows: { urban: { from: '25:00', to: '06:00' } } },
      device: { bits: { emergancy: 'critical' } },
      parkng: {},
    });
    expect(r.success).toBe(false);
    const issues = rulesConfigIssues(r.error!);
    expect(issues).toContain('speed.limitsKmh.expressway: must be more than 0 km/h');
    expect(issues.some((i) => i.startsWith('speed.toleranceKmh: '))).toBe(true);
    expect(issues).toContain('night.windows.urban.from: must be HH:MM between 00:00 and 23:59');
    expect(issues.some((i) => i.startsWith('device.bits: ') && i.includes('emergancy'))).toBe(true);
    expect(issues.some((i) => i.includes('parkng'))).toBe(true);
    // Rules between fields are checked once the fields themselves are right.
    const cross = rulesConfig.safeParse({ fatigue: { warningBeforeMin: 300 } });
    expect(rulesConfigIssues(cross.error!)).toEqual([
      'fatigue.warningBeforeMin: must be less than fatigue.continuousLimitMin',
    ]);
  });

  it('applies per vehicle class overrides', () => {
    const c = rulesConfig.parse({
      vehicleClasses: { box_van: { speedLimitsKmh: { expressway: 90 }, parkingMaxMin: 60 } },
    });
    const van = resolveParams(c, 'box_van');
    expect(van.speed.limitsKmh).toEqual({ expressway: 90, urban: 60, park: 30 });
    expect(van.parking.maxMin).toBe(60);
    expect(resolveParams(c, 'tanker')).toBe(c);
    expect(
      rulesConfig.safeParse({ vehicleClasses: { tanker: { continuousLimitMin: 20 } } }).error?.issues[0]?.path,
    ).toEqual(['vehicleClasses', 'tanker', 'continuousLimitMin']);
  });
});
