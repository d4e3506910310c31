/**
 * An image as a point in pixel space, the baseline that feature space is compared with: the image resized
 * to 32x32 RGB with values in [0, 1] (the lecture's comparison, after CIFAR-10's size), as 3,072 numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { pixelsToRgb, resizeRgb, type ImagePixels } from '../image/preprocess.ts';

export const PIXEL_VECTOR_SIDE = 32;

/** The image squashed to 32x32 RGB, as bytes (0..255) so a set of them ships small; divide by 255 to compare. */
export async function pixelVector(pixels: ImagePixels): Promise<Uint8Array> {
  const side = { width: PIXEL_VECTOR_SIDE, height: PIXEL_VECTOR_SIDE };
  const small = tf.tidy(() => tf.round(tf.clipByValue(resizeRgb(pixelsToRgb(pixels), side, 'squash'), 0, 255)));
  try {
    return Uint8Array.from(await small.data());
  } finally {
    small.dispose();
  }
}

/** Euclidean distance between two pixel vectors, on the [0, 1] scale. */
export function pixelDistance(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i]! - b[i]!) / 255;
    sum += d * d;
  }
  return Math.sqrt(sum);
}
