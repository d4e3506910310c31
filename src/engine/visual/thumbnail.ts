/** Small pictures of images for figures: a photo fitted to a square tile, and a pixel vector shown large. */
import * as tf from '@tensorflow/tfjs-core';
import { pixelsToRgb, resizeRgb, type ImagePixels, type ResizeMode } from '../image/preprocess.ts';
import type { RgbaImage } from './atlas.ts';

/** The image fitted to a side x side tile by a resize mode (the same resize the models' inputs use). */
export async function thumbnail(
  pixels: ImagePixels,
  side: number,
  resize: ResizeMode = 'center-crop',
): Promise<RgbaImage> {
  const small = tf.tidy(() =>
    tf.round(tf.clipByValue(resizeRgb(pixelsToRgb(pixels), { width: side, height: side }, resize), 0, 255)),
  );
  try {
    return rgbToRgba(await small.data(), side, side);
  } finally {
    small.dispose();
  }
}

/** An RGB byte image (a 32x32 pixel vector) enlarged `scale` times with hard pixel edges: what pixel space compares. */
export function enlargeRgb(rgb: ArrayLike<number>, side: number, scale: number): RgbaImage {
  const out = side * scale;
  const rgba = new Uint8ClampedArray(out * out * 4);
  for (let y = 0; y < out; y++) {
    for (let x = 0; x < out; x++) {
      const from = (Math.floor(y / scale) * side + Math.floor(x / scale)) * 3;
      rgba.set([rgb[from]!, rgb[from + 1]!, rgb[from + 2]!, 255], (y * out + x) * 4);
    }
  }
  return { width: out, height: out, rgba };
}

function rgbToRgba(rgb: ArrayLike<number>, width: number, height: number): RgbaImage {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) rgba.set([rgb[p * 3]!, rgb[p * 3 + 1]!, rgb[p * 3 + 2]!, 255], p * 4);
  return { width, height, rgba };
}
