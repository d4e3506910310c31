/**
 * One way to draw every attribution map, so methods can be compared: reduce the colour channels to one
 * value per pixel (the sum of absolute values, or the plain sum where the sign means something), then
 * scale by the 99th percentile of the magnitudes and clip, so a few extreme pixels do not wash out the rest.
 */
import * as tf from '@tensorflow/tfjs-core';

/** A map of one value per pixel over the image as the model saw it. */
export interface AttributionMap {
  width: number;
  height: number;
  /** Row-major, width x height values. */
  values: Float32Array;
  /** True when negative values mean evidence against the target (drawn in a diverging palette). */
  signed: boolean;
}

/** Which reduction a map gets: magnitude (|r| + |g| + |b|) or signed (r + g + b). */
export type Reduction = 'magnitude' | 'signed';

/** The percentile every map is scaled by (the same for every method). */
export const CLIP_PERCENTILE = 99;

/** A [1, h, w, 3] attribution reduced over its colour channels. Reads the tensor; does not dispose it. */
export async function reduceChannels(attribution: tf.Tensor4D, reduction: Reduction): Promise<AttributionMap> {
  const [, height, width] = attribution.shape;
  const reduced = tf.tidy(() => tf.sum(reduction === 'magnitude' ? tf.abs(attribution) : attribution, 3));
  try {
    return { width, height, values: await reduced.data<'float32'>(), signed: reduction === 'signed' };
  } finally {
    reduced.dispose();
  }
}

/** The p-th percentile (0-100) of the magnitudes, by nearest rank. */
export function magnitudePercentile(values: ArrayLike<number>, p: number): number {
  const sorted = Float32Array.from(values, Math.abs).sort();
  if (!sorted.length) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Values scaled to [0, 1] (unsigned) or [-1, 1] (signed) by the 99th percentile of their magnitude and
 * clipped. An all-zero map stays zero (a method that sees nothing is shown as seeing nothing).
 */
export function normaliseMap(map: AttributionMap): Float32Array {
  let scale = magnitudePercentile(map.values, CLIP_PERCENTILE);
  if (scale === 0) scale = magnitudePercentile(map.values, 100);
  const low = map.signed ? -1 : 0;
  return Float32Array.from(map.values, (v) => (scale === 0 ? 0 : Math.min(1, Math.max(low, v / scale))));
}
