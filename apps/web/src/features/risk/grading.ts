import type { AssessRiskPoint, LecBand, RiskColour } from '@anlan/contracts';

/**
 * The part of the server's risk configuration (setting 'risk', GET /api/risk/config) that grades an assessment.
 * `above` thresholds are exclusive, as on the server: D > 160 is "high", D = 160 is not.
 */
export interface GradingConfig {
  lec: {
    above: { extreme: number; high: number; significant: number; general: number };
    colours: Record<LecBand, RiskColour>;
  };
  ls: { above: { red: number; orange: number; yellow: number } };
}

/** What an assessment works out to: D (LEC) or R (LS), the LEC band and the colour. */
export interface Grade {
  value: number;
  band: LecBand | null;
  colour: RiskColour;
}

const colours: readonly string[] = ['red', 'orange', 'yellow', 'blue'];
const lecBandNames: readonly LecBand[] = ['extreme', 'high', 'significant', 'general', 'acceptable'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numbers = (v: unknown, keys: readonly string[]) => isObject(v) && keys.every((k) => typeof v[k] === 'number');

/** The grading part of the configuration, or null when the answer does not have that shape. */
export function toGradingConfig(value: unknown): GradingConfig | null {
  if (!isObject(value) || !isObject(value.lec) || !isObject(value.ls)) return null;
  const { lec, ls } = value;
  const lecColours = lec.colours;
  const ok =
    numbers(lec.above, ['extreme', 'high', 'significant', 'general']) &&
    isObject(lecColours) &&
    lecBandNames.every((band) => typeof lecColours[band] === 'string' && colours.includes(lecColours[band])) &&
    numbers(ls.above, ['red', 'orange', 'yellow']);
  return ok ? (value as unknown as GradingConfig) : null;
}

// The allowed decimals (0.1, 0.2, 0.5) are not exact in binary: 0.1 × 6 × 100 is 60.00000000000001. The server rounds
// to three decimals before comparing with a threshold; so must the page, or it would show another band at the edges.
const exact = (v: number) => Math.round(v * 1000) / 1000;

/** The LEC band of D: the first whose threshold D lies above. */
export function lecBandOf(d: number, cfg: GradingConfig['lec']): LecBand {
  if (d > cfg.above.extreme) return 'extreme';
  if (d > cfg.above.high) return 'high';
  if (d > cfg.above.significant) return 'significant';
  if (d > cfg.above.general) return 'general';
  return 'acceptable';
}

/** The colour of R = L × S. */
export function lsColourOf(r: number, cfg: GradingConfig['ls']): RiskColour {
  if (r > cfg.above.red) return 'red';
  if (r > cfg.above.orange) return 'orange';
  if (r > cfg.above.yellow) return 'yellow';
  return 'blue';
}

/** Grades an assessment as the server will when it is saved. */
export function gradeAssessment(a: AssessRiskPoint, cfg: GradingConfig): Grade {
  if (a.method === 'lec') {
    const value = exact(a.l * a.e * a.c);
    const band = lecBandOf(value, cfg.lec);
    return { value, band, colour: cfg.lec.colours[band] };
  }
  const value = a.l * a.s;
  return { value, band: null, colour: lsColourOf(value, cfg.ls) };
}

/** "D = 3 × 6 × 40 = 720": the working shown beside the result. */
export function formula(a: AssessRiskPoint, value: number): string {
  return a.method === 'lec' ? `D = ${a.l} × ${a.e} × ${a.c} = ${value}` : `R = ${a.l} × ${a.s} = ${value}`;
}
