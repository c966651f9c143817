import type { HazardLevel } from '@anlan/contracts';
import { hazardIconId } from './hazardFeatures';

/** Logical size of a hazard marker in CSS pixels; drawn at twice that for sharp screens. */
const SIZE = 24;
const RATIO = 2;

/** Major hazards red, general ones amber (the risk board's 重大 and 一般 shades); an overdue one gets a dark rim. */
export const hazardLevelColours: Record<HazardLevel, string> = { major: '#d9363e', general: '#faad14' };
export const overdueRim = '#262626';

/**
 * A warning triangle with an exclamation mark: unlike the round subject and vehicle symbols at a glance. The layer
 * anchors it at its bottom edge, a little above its place, so that it stands above its subject's circle instead of
 * hiding it.
 */
export function drawHazardIcon(level: HazardLevel, overdue: boolean): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE * RATIO;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(RATIO, RATIO);
  const mid = SIZE / 2;
  ctx.beginPath();
  ctx.moveTo(mid, 2.5);
  ctx.lineTo(SIZE - 2.5, SIZE - 3);
  ctx.lineTo(2.5, SIZE - 3);
  ctx.closePath();
  ctx.lineJoin = 'round';
  ctx.fillStyle = hazardLevelColours[level];
  ctx.fill();
  ctx.lineWidth = overdue ? 3 : 1.8;
  ctx.strokeStyle = overdue ? overdueRim : '#ffffff';
  ctx.stroke();
  ctx.fillStyle = level === 'general' ? 'rgba(0,0,0,0.85)' : '#ffffff';
  ctx.fillRect(mid - 1.25, 8.5, 2.5, 7.5);
  ctx.fillRect(mid - 1.25, 17.3, 2.5, 2.5);
  return ctx.getImageData(0, 0, SIZE * RATIO, SIZE * RATIO);
}

export function ensureHazardIcons(add: (id: string, draw: () => ImageData, pixelRatio: number) => void): void {
  for (const level of ['major', 'general'] as const)
    for (const overdue of [false, true]) add(hazardIconId(level, overdue), () => drawHazardIcon(level, overdue), RATIO);
}
