/** Fitting a photo to a size budget, as pixels (what optimisation and fast-style figures start from). */
import * as tf from '@tensorflow/tfjs-core';
import { pixelsToRgb, resizeRgb, type ImagePixels, type InputSize } from './preprocess.ts';

/** The size of a photo scaled so its longest side is at most maxSide (never enlarged). */
export function fitSize(width: number, height: number, maxSide: number): InputSize {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The photo with its longest side at most maxSide (area-averaged like the engine's input resize). */
export async function fitPhoto(pixels: ImagePixels, maxSide: number): Promise<ImagePixels> {
  const { width, height } = fitSize(pixels.width, pixels.height, maxSide);
  const rgb = tf.tidy(() =>
    tf.clipByValue(tf.round(resizeRgb(pixelsToRgb(pixels), { width, height }, 'squash')), 0, 255),
  );
  try {
    return { width, height, channels: 3, data: new Uint8Array(await rgb.data()) };
  } finally {
    rgb.dispose();
  }
}
