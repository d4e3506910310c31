/** A square matrix drawn as a heatmap: one cell of `cell` x `cell` pixels per entry, viridis of sqrt(value / max). */
import type { RgbaImage } from './atlas.ts';
import { VIRIDIS } from './colormap.ts';

export function heatmap(values: ArrayLike<number>, n: number, max: number, cell: number): RgbaImage {
  const side = n * cell;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const value = Math.max(0, values[Math.floor(y / cell) * n + Math.floor(x / cell)]!);
      const level = Math.round(Math.sqrt(value / max) * 255);
      rgba.set([VIRIDIS[level * 3]!, VIRIDIS[level * 3 + 1]!, VIRIDIS[level * 3 + 2]!, 255], (y * side + x) * 4);
    }
  }
  return { width: side, height: side, rgba };
}
