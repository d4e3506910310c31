/**
 * A stride-1 'same' conv computed in horizontal bands on WebGL. tfjs's WebGL conv first copies every
 * output pixel's receptive field into an im2col matrix (kh * kw * in floats a pixel): for the 9x9x32
 * output conv of a 1024 x 1024 photo that is 10 GB, past any GPU's memory and texture size limits. In bands
 * of rows each im2col stays under IM2COL_FLOATS; the sums are the same (zero padding, then 'valid').
 * Other backends need no im2col matrix (XNNPACK, the cpu loops), so they run the conv whole.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Largest im2col matrix one band may make: 32 M floats (128 MB), packed four to a texel that is a 2896 x 2896
 * texture, inside the 4096 or 8192 maximum of common GPUs (SwiftShader's is 8192: ml5, which runs the conv
 * whole, fails at 512 x 512 asking for 13033 x 13034).
 */
const IM2COL_FLOATS = 32 * 1024 * 1024;

export function sameConv(x: tf.Tensor3D, filter: tf.Tensor4D, stride: number): tf.Tensor3D {
  const [height, width, depth] = x.shape;
  const [kh, kw] = filter.shape;
  const rows = Math.max(1, Math.floor(IM2COL_FLOATS / (width * kh * kw * depth)));
  if (stride !== 1 || rows >= height || tf.getBackend() !== 'webgl') return tf.conv2d(x, filter, stride, 'same');
  return convInBands(x, filter, rows);
}

/** The stride-1 'same' conv, `rows` output rows at a time. */
export function convInBands(x: tf.Tensor3D, filter: tf.Tensor4D, rows: number): tf.Tensor3D {
  const [height, width, depth] = x.shape;
  const [kh, kw] = filter.shape;
  return tf.tidy(() => {
    // 'same' at stride 1 pads k - 1 in all, the smaller half at the top and left.
    const top = Math.floor((kh - 1) / 2);
    const left = Math.floor((kw - 1) / 2);
    const padded = tf.pad(x, [
      [top, kh - 1 - top],
      [left, kw - 1 - left],
      [0, 0],
    ]);
    const bands: tf.Tensor3D[] = [];
    for (let start = 0; start < height; start += rows) {
      const count = Math.min(rows, height - start);
      const slab = tf.slice(padded, [start, 0, 0], [count + kh - 1, width + kw - 1, depth]);
      bands.push(tf.conv2d(slab, filter, 1, 'valid'));
      slab.dispose(); // one slab alive at a time
    }
    return tf.concat(bands, 0);
  });
}
