import type { RiskColour } from '@anlan/contracts';
import type { RiskConfig } from './risk-config.js';

// Grading one assessment (LEC / LS) is shared with the web form: packages/contracts/src/risk-grading.ts.

/** The colour of a subject's or vehicle's score (thresholds inclusive). */
export function scoreColour(score: number, cfg: RiskConfig): RiskColour {
  if (score >= cfg.scoreAtLeast.red) return 'red';
  if (score >= cfg.scoreAtLeast.orange) return 'orange';
  if (score >= cfg.scoreAtLeast.yellow) return 'yellow';
  return 'blue';
}
