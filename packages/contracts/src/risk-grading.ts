import type { AssessRiskPoint, LecBand } from './risk.js';
import type { RiskColour } from './hazards.js';

/**
 * Grading one risk-point assessment (LEC: D = L × E × C; LS: R = L × S), shared by the server, which stores the
 * grade, and the web form, which shows it before saving — one rule, so the two never disagree at a band's edge.
 * `above` thresholds are exclusive: D > 160 is "high", D = 160 is not. The values come from the setting 'risk'.
 */
export interface GradingConfig {
  lec: {
    above: { extreme: number; high: number; significant: number; general: number };
    colours: Record<LecBand, RiskColour>;
  };
  ls: { above: { red: number; orange: number; yellow: number } };
}

/** What an assessment works out to: D or R, the LEC band (LEC only) and the colour. */
export interface Grade {
  value: number;
  band: LecBand | null;
  colour: RiskColour;
}

// L × E × C of the allowed decimals (0.1, 0.2, 0.5) is not exact in binary floating point: 0.1 × 6 × 100 gives
// 60.00000000000001. Rounding to three decimals makes every product exact again before it meets a threshold.
const exact = (v: number) => Math.round(v * 1000) / 1000;

/** LEC band of D: the first band whose threshold D lies above. */
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

/** Grades one assessment by the configured bands and colours. */
export function gradeAssessment(a: AssessRiskPoint, cfg: GradingConfig): Grade {
  if (a.method === 'lec') {
    const value = exact(a.l * a.e * a.c);
    const band = lecBandOf(value, cfg.lec);
    return { value, band, colour: cfg.lec.colours[band] };
  }
  const value = a.l * a.s;
  return { value, band: null, colour: lsColourOf(value, cfg.ls) };
}
