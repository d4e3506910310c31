/** The exact max-pool input gradient (forward ops only), for the differentiable forward pass. */
import * as tf from '@tensorflow/tfjs-core';
import { pool, type CustomGradient } from './forward.ts';
import type { PoolStage } from './plan.ts';

/**
 * Max pooling whose gradient goes to exactly one element per window: the first maximum in row-major order,
 * as tfjs's cpu backend (the reference) routes it. Forward ops only: tfjs-backend-wasm's MaxPoolGrad returns
 * wrong values for windows whose values are all at most 0. A mask of "equals the maximum" is not enough:
 * a tie (every window of a constant image, 0.09% of the first pool's windows on dog.jpg) would send the
 * gradient to each tied element. Exact for non-overlapping windows (size = stride, as in every model here);
 * overlapping pools fall back to tfjs's gradient.
 */
export function maxPoolWithGradient(stage: PoolStage, x: tf.Tensor4D): tf.Tensor4D {
  const [size, stride] = [stage.poolSize, stage.strides];
  if (size[0] !== stride[0] || size[1] !== stride[1]) return pool(stage, x) as tf.Tensor4D;
  const forward = (input: tf.Tensor4D, save: tf.GradSaveFunc) => {
    const y = tf.maxPool(input, size, stride, stage.padding);
    save([input, y]);
    const gradFunc = (dy: tf.Tensor4D, [saved, out]: tf.Tensor[]) =>
      routeToFirstMaximum(saved as tf.Tensor4D, out as tf.Tensor4D, dy, size, stage.padding);
    return { value: y, gradFunc };
  };
  return tf.customGrad(forward as unknown as CustomGradient)(x) as tf.Tensor4D;
}

/**
 * The input gradient of a non-overlapping max pool. Works in pooled space: for each offset in the window,
 * the input's element at that offset (picked by a depthwise conv with a one-hot kernel: exact, and 100x
 * faster on wasm than a strided slice), a running "already taken" mask so only the first maximum wins, then
 * the per-offset gradients interleaved back into the input's layout.
 */
function routeToFirstMaximum(
  x: tf.Tensor4D,
  y: tf.Tensor4D,
  dy: tf.Tensor4D,
  [kh, kw]: [number, number],
  padding: 'same' | 'valid',
): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const [, oh, ow] = y.shape;
  const [top, left] = padding === 'same' ? [Math.floor((oh * kh - h) / 2), Math.floor((ow * kw - w) / 2)] : [0, 0];
  const windows = coverWindows(x, oh * kh, ow * kw, top, left);
  let taken: tf.Tensor = tf.zerosLike(y);
  const rows: tf.Tensor[] = [];
  for (let i = 0; i < kh; i++) {
    const row: tf.Tensor[] = [];
    for (let j = 0; j < kw; j++) {
      const candidate = tf.depthwiseConv2d(windows, oneHotKernel(kh, kw, c, i * kw + j), [kh, kw], 'valid');
      const wins = tf.mul(tf.cast(tf.equal(candidate, y), 'float32'), tf.sub(1, taken));
      taken = tf.add(taken, wins);
      row.push(tf.mul(dy, wins));
    }
    rows.push(tf.stack(row, 3)); // [b, oh, ow, kw, c]
  }
  const full = tf.reshape(tf.stack(rows, 2), [b, oh * kh, ow * kw, c]); // [b, oh, kh, ow, kw, c] flattened
  if (top === 0 && left === 0 && oh * kh === h && ow * kw === w) return full as tf.Tensor4D;
  const below = Math.max(0, h + top - oh * kh);
  const right = Math.max(0, w + left - ow * kw);
  const cropped = tf.slice(
    tf.pad(full, [
      [0, 0],
      [0, below],
      [0, right],
      [0, 0],
    ]),
    [0, top, left, 0],
    [b, h, w, c],
  );
  return cropped as tf.Tensor4D;
}

/** Float32's lowest finite value: pads windows so padding never wins, and 0 x it stays 0 in the picking conv. */
const LOWEST = -3.4028234663852886e38;

/** The input laid out as exactly (oh x kh) by (ow x kw): padded with LOWEST ('same') or cropped ('valid'). */
function coverWindows(x: tf.Tensor4D, height: number, width: number, top: number, left: number): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  if (top === 0 && left === 0 && height === h && width === w) return x;
  const bottom = Math.max(0, height - h - top);
  const right = Math.max(0, width - w - left);
  const padded = tf.pad(
    x,
    [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ],
    LOWEST,
  );
  return tf.slice(padded, [0, 0, 0, 0], [b, height, width, c]);
}

/** A [kh, kw, c, 1] depthwise kernel that keeps the window's element at `offset` (row-major) in every channel. */
function oneHotKernel(kh: number, kw: number, c: number, offset: number): tf.Tensor4D {
  const values = new Float32Array(kh * kw * c);
  values.fill(1, offset * c, (offset + 1) * c);
  return tf.tensor4d(values, [kh, kw, c, 1]);
}
