/**
 * Transformation robustness (Lucid's "standard transforms"): each step the image is padded, jittered,
 * scaled, rotated and jittered again before the network sees it, so the optimiser cannot win with
 * pixel-exact high-frequency patterns and has to find features that survive small geometric changes.
 * Every op is differentiable on every backend: pad and slice, plus bilinear sampling (sample.ts) for
 * scale and rotation together (one resampling instead of two, so the image is blurred once).
 */
import * as tf from '@tensorflow/tfjs-core';
import { pick, randomInt, type Random } from './random.ts';
import { bilinearSample, rotateScaleGrid } from './sample.ts';

export interface TransformOptions {
  /** Pixels of constant padding on every side. */
  pad: number;
  /** Colour of the padding, in [0, 1]. */
  padValue: number;
  /** Largest random crop offset before scaling (the image loses this many pixels per axis). */
  jitter: number;
  /** Scale factors to draw from. */
  scales: readonly number[];
  /** Rotations in degrees to draw from. */
  angles: readonly number[];
  /** Largest random crop offset after rotation. */
  jitterAfter: number;
}

/** Lucid's standard_transforms: pad 12 (0.5 grey), jitter 8, scale 0.9..1.1, rotate -10..10 degrees, jitter 4. */
export const LUCID_TRANSFORMS: TransformOptions = {
  pad: 12,
  padValue: 0.5,
  jitter: 8,
  scales: Array.from({ length: 11 }, (_, i) => 1 + (i - 5) / 50),
  // Zero appears five extra times, as in Lucid, so about a fifth of the steps are not rotated.
  angles: [...Array.from({ length: 21 }, (_, i) => i - 10), 0, 0, 0, 0, 0],
  jitterAfter: 4,
};

/** One random draw of every transform parameter. Drawn up front, in a fixed order, for reproducibility. */
export interface TransformDraw {
  crop: [number, number];
  scale: number;
  degrees: number;
  cropAfter: [number, number];
}

export function drawTransform(random: Random, options: TransformOptions): TransformDraw {
  const crop: [number, number] = [randomInt(random, 0, options.jitter), randomInt(random, 0, options.jitter)];
  const scale = pick(random, options.scales);
  const degrees = pick(random, options.angles);
  const cropAfter: [number, number] = [
    randomInt(random, 0, options.jitterAfter),
    randomInt(random, 0, options.jitterAfter),
  ];
  return { crop, scale, degrees, cropAfter };
}

/** Applies one draw to a [1, h, w, 3] image. */
export function applyTransform(image: tf.Tensor4D, draw: TransformDraw, options: TransformOptions): tf.Tensor4D {
  return tf.tidy(() => {
    let x = padImage(image, options.pad, options.padValue);
    x = cropImage(x, draw.crop, options.jitter);
    x = rotateScale(x, draw.degrees, draw.scale);
    return cropImage(x, draw.cropAfter, options.jitterAfter);
  });
}

/** Draws and applies the transforms for one optimisation step. */
export function randomTransform(
  image: tf.Tensor4D,
  random: Random,
  options: TransformOptions = LUCID_TRANSFORMS,
): tf.Tensor4D {
  return applyTransform(image, drawTransform(random, options), options);
}

export function padImage(image: tf.Tensor4D, amount: number, value: number): tf.Tensor4D {
  if (amount <= 0) return image;
  return tf.pad(
    image,
    [
      [0, 0],
      [amount, amount],
      [amount, amount],
      [0, 0],
    ],
    value,
  );
}

/** The window of size (h - shrink, w - shrink) at offset [top, left]. */
export function cropImage(image: tf.Tensor4D, [top, left]: [number, number], shrink: number): tf.Tensor4D {
  if (shrink <= 0) return image;
  const [, h, w, c] = image.shape;
  return tf.slice(image, [0, top, left, 0], [1, h - shrink, w - shrink, c]);
}

/** Rotation (counter-clockwise as displayed) and scaling about the centre, by bilinear sampling. */
export function rotateScale(image: tf.Tensor4D, degrees: number, scale = 1): tf.Tensor4D {
  if (degrees === 0 && scale === 1) return image;
  const [, h, w] = image.shape;
  return bilinearSample(image, rotateScaleGrid(h, w, degrees, scale));
}

/** Cyclic shift by (dy, dx) pixels, as np.roll: pixel (i, j) moves to (i + dy, j + dx). */
export function roll(image: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  return tf.tidy(() => rollAxis(rollAxis(image, dy, 1), dx, 2));
}

function rollAxis(x: tf.Tensor4D, shift: number, axis: 1 | 2): tf.Tensor4D {
  const size = x.shape[axis];
  const s = ((shift % size) + size) % size;
  if (s === 0) return x;
  const [tail, head] = tf.split(x, [size - s, s], axis);
  return tf.concat([head!, tail!], axis) as tf.Tensor4D;
}
