import type { VehicleState } from './vehicleFeatures';

/** Logical size of a vehicle symbol in CSS pixels; drawn at twice that for sharp screens. */
const SIZE = 26;
const RATIO = 2;

/** A round badge in the state's colour with a white arrow pointing north (the layer rotates it by heading). */
export function drawVehicleIcon(colour: string): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = SIZE * RATIO;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(RATIO, RATIO);
  const mid = SIZE / 2;
  ctx.beginPath();
  ctx.arc(mid, mid, mid - 2, 0, Math.PI * 2);
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(mid, 5);
  ctx.lineTo(mid + 6.5, SIZE - 7);
  ctx.lineTo(mid, SIZE - 10.5);
  ctx.lineTo(mid - 6.5, SIZE - 7);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  return ctx.getImageData(0, 0, SIZE * RATIO, SIZE * RATIO);
}

export const vehicleIconId = (state: VehicleState): string => `vehicle-${state}`;
export const iconPixelRatio = RATIO;
