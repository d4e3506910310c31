/**
 * An attribution map drawn over the image it explains: the photo in dimmed grey, the map's colour laid on
 * with an opacity equal to its strength, so weak values leave the photo readable. Unsigned maps use viridis;
 * signed maps a diverging blue (against) to red (for). The colour bar beside the figure is HTML made from
 * the same anchors (`paletteGradient`), so it follows the page's theme.
 */
import type { RgbaImage } from './atlas.ts';
import { VIRIDIS } from './colormap.ts';

const AGAINST = [0x21, 0x66, 0xac] as const;
const FOR = [0xb2, 0x18, 0x2b] as const;

/**
 * @param rgb the image as [h, w, 3] values in [0, 1]
 * @param values the normalised map: [0, 1] (unsigned) or [-1, 1] (signed), one per pixel
 */
export function overlayMap(
  rgb: ArrayLike<number>,
  values: ArrayLike<number>,
  width: number,
  height: number,
  signed: boolean,
): RgbaImage {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const luma = 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!;
    const grey = (0.25 + 0.5 * luma) * 255;
    const v = values[i]!;
    const alpha = Math.min(1, Math.abs(v));
    const colour = signed ? (v < 0 ? AGAINST : FOR) : viridis(v);
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = grey * (1 - alpha) + colour[c]! * alpha;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

function viridis(v: number): [number, number, number] {
  const level = Math.round(Math.min(1, Math.max(0, v)) * 255) * 3;
  return [VIRIDIS[level]!, VIRIDIS[level + 1]!, VIRIDIS[level + 2]!];
}

/** The colour bar as a CSS gradient, left (lowest) to right (highest), matching overlayMap's colours. */
export function paletteGradient(signed: boolean): string {
  const hex = (c: readonly number[]) => `#${c.map((x) => Math.round(x).toString(16).padStart(2, '0')).join('')}`;
  if (signed) return `linear-gradient(to right, ${hex(AGAINST)}, #808080, ${hex(FOR)})`;
  const stops = Array.from({ length: 6 }, (_, i) => hex(viridis(i / 5)));
  return `linear-gradient(to right, #808080, ${stops.slice(1).join(', ')})`;
}
