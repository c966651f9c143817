import type { AssessRiskPoint, LecBand, RiskColour } from '@anlan/contracts';
import type { RiskConfig } from './risk-config.js';

/** What an assessment works out to: D or R, the LEC band (LEC only) and the colour. */
export interface Grade {
  value: number;
  band: LecBand | null;
  colour: RiskColour;
}

// L × E × C of the allowed decimals (0.1, 0.2, 0.5) is not exact in binary floating point: 0.1 × 6 × 100 gives
// 60.00000000000001. Rounding to three decimals makes every product exact again before it meets a threshold.
const exact = (v: number) => Math.round(v * 1000) / 1000;

/** LEC band of D: the first band whose threshold D lies above (thresholds are exclusive). */
export function lecBandOf(d: number, cfg: RiskConfig['lec']): LecBand {
  if (d > cfg.above.extreme) return 'extreme';
  if (d > cfg.above.high) return 'high';
  if (d > cfg.above.significant) return 'significant';
  if (d > cfg.above.general) return 'general';
  return 'acceptable';
}

export function lsColourOf(r: number, cfg: RiskConfig['ls']): RiskColour {
  if (r > cfg.above.red) return 'red';
  if (r > cfg.above.orange) return 'orange';
  if (r > cfg.above.yellow) return 'yellow';
  return 'blue';
}

/** Grades one assessment by the configured bands and colours. */
export function grade(a: AssessRiskPoint, cfg: RiskConfig): Grade {
  if (a.method === 'lec') {
    const value = exact(a.l * a.e * a.c);
    const band = lecBandOf(value, cfg.lec);
    return { value, band, colour: cfg.lec.colours[band] };
  }
  const value = a.l * a.s;
  return { value, band: null, colour: lsColourOf(value, cfg.ls) };
}

/** The colour of a subject's or vehicle's score (thresholds inclusive). */
export function scoreColour(score: number, cfg: RiskConfig): RiskColour {
  if (score >= cfg.scoreAtLeast.red) return 'red';
  if (score >= cfg.scoreAtLeast.orange) return 'orange';
  if (score >= cfg.scoreAtLeast.yellow) return 'yellow';
  return 'blue';
}
