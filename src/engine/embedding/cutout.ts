/**
 * Photo cut-outs (objects on a transparent background) as ordinary photos: centred on a square of one
 * neutral colour, so every image of a set has the same background and the same framing whatever its shape.
 * Plain integer arithmetic on the decoded bytes, so the build (sharp) and the browser (createImageBitmap)
 * give the same pixels from the same file.
 */
import type { ImagePixels } from '../image/preprocess.ts';

/**
 * The background the cut-outs are set on: a light neutral grey. On the corpus it retrieves as well as mid
 * grey or white (Tiny Darknet conv2d_15, same-subcategory precision at 5: 0.534, 0.531, 0.536) and keeps
 * white and black objects visible.
 */
export const CUTOUT_BACKGROUND: readonly [number, number, number] = [200, 200, 200];

/** The image centred on a square of `background`, its transparency composited over it; 3 channels out. */
export function cutoutOnBackground(
  pixels: ImagePixels,
  background: readonly [number, number, number] = CUTOUT_BACKGROUND,
): ImagePixels {
  const { width, height, channels, data } = pixels;
  const side = Math.max(width, height);
  const out = new Uint8Array(side * side * 3);
  for (let i = 0; i < side * side; i++) out.set(background, i * 3);
  const left = Math.floor((side - width) / 2);
  const top = Math.floor((side - height) / 2);
  const hasAlpha = channels === 2 || channels === 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * channels;
      const to = ((top + y) * side + left + x) * 3;
      const alpha = hasAlpha ? data[from + channels - 1]! : 255;
      for (let c = 0; c < 3; c++) {
        const value = channels < 3 ? data[from]! : data[from + c]!;
        // Rounded integer blend: exact and identical on every engine.
        out[to + c] = Math.round((value * alpha + background[c]! * (255 - alpha)) / 255);
      }
    }
  }
  return { width: side, height: side, channels: 3, data: out };
}
