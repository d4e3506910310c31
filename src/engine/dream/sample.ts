/**
 * Bilinear resampling of an image through a fixed grid, with a gradient that works on every backend.
 *
 * tfjs has no gradient for its image.rotateWithOffset / image.transform kernels, so rotation and scaling
 * are written as sampling: each output pixel is a weighted sum of four input pixels, fetched with one
 * tf.gather on the flattened image. The gradient of gather in tfjs needs UnsortedSegmentSum, which the
 * wasm backend lacks; the exact same gradient is a scatter-add of the output gradient back to the four
 * source pixels, and tf.scatterND (present on wasm, cpu, webgl and webgpu) sums duplicate indices. A custom
 * gradient does just that. The grid is a constant, so only the image receives a gradient.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Four source pixels and weights per output pixel: indices[k * n + p], weights[k * n + p], k = 0..3. */
export interface SampleGrid {
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  indices: Int32Array;
  weights: Float32Array;
}

/**
 * The grid that rotates an h x w image by `degrees` (counter-clockwise as displayed, y pointing down)
 * and scales it by `scale` about its centre. The output is round(h * scale) x round(w * scale); samples
 * falling outside the image repeat its edge (after padding, the pad colour).
 */
export function rotateScaleGrid(height: number, width: number, degrees: number, scale = 1): SampleGrid {
  const outHeight = Math.max(1, Math.round(height * scale));
  const outWidth = Math.max(1, Math.round(width * scale));
  const n = outHeight * outWidth;
  const indices = new Int32Array(4 * n);
  const weights = new Float32Array(4 * n);
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians) / scale;
  const sin = Math.sin(radians) / scale;
  for (let i = 0; i < outHeight; i++) {
    const dy = i - (outHeight - 1) / 2;
    for (let j = 0; j < outWidth; j++) {
      const dx = j - (outWidth - 1) / 2;
      // Inverse map: where in the input does this output pixel come from.
      const x = clamp((width - 1) / 2 + dx * cos - dy * sin, width - 1);
      const y = clamp((height - 1) / 2 + dx * sin + dy * cos, height - 1);
      setCorners(indices, weights, i * outWidth + j, n, x, y, width, height);
    }
  }
  return { inHeight: height, inWidth: width, outHeight, outWidth, indices, weights };
}

function clamp(v: number, max: number): number {
  return Math.min(Math.max(v, 0), max);
}

function setCorners(
  indices: Int32Array,
  weights: Float32Array,
  p: number,
  n: number,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const corners: [number, number][] = [
    [y0 * width + x0, (1 - fx) * (1 - fy)],
    [y0 * width + x1, fx * (1 - fy)],
    [y1 * width + x0, (1 - fx) * fy],
    [y1 * width + x1, fx * fy],
  ];
  corners.forEach(([index, weight], k) => {
    indices[k * n + p] = index;
    weights[k * n + p] = weight;
  });
}

/** Resamples a [1, h, w, c] image through the grid: [1, outHeight, outWidth, c]. Differentiable in `image`. */
export function bilinearSample(image: tf.Tensor4D, grid: SampleGrid): tf.Tensor4D {
  const [batch, h, w, c] = image.shape;
  if (batch !== 1 || h !== grid.inHeight || w !== grid.inWidth) {
    throw new Error(
      `bilinearSample: grid is for [1, ${grid.inHeight}, ${grid.inWidth}, c], image is [${image.shape.join(', ')}].`,
    );
  }
  const n = grid.outHeight * grid.outWidth;
  const sample = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    const indices = tf.tensor1d(grid.indices, 'int32');
    const weights = tf.tensor3d(grid.weights, [4, n, 1]);
    // Saved tensors outlive the forward pass (and any tidy around it) until the gradient is taken.
    save([indices, weights]);
    const gathered = tf.reshape(tf.gather(tf.reshape(x, [h * w, c]), indices), [4, n, c]);
    const value = tf.reshape(tf.sum(tf.mul(gathered, weights), 0), [1, grid.outHeight, grid.outWidth, c]);
    const gradFunc = (dy: tf.Tensor, [savedIndices, savedWeights]: tf.Tensor[]) => {
      const spread = tf.reshape(tf.mul(tf.reshape(dy, [1, n, c]), savedWeights!), [4 * n, c]);
      return tf.reshape(tf.scatterND(tf.reshape(savedIndices!, [4 * n, 1]), spread, [h * w, c]), [1, h, w, c]);
    };
    return { value, gradFunc };
  });
  return sample(image) as tf.Tensor4D;
}
