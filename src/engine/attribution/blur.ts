/** A Gaussian blur of an RGB image (reflected at the edges, so borders do not darken): baselines and RISE. */
import * as tf from '@tensorflow/tfjs-core';

/** The blur every method uses: sigma is the image's shorter side over 22 (about 10 px at 224). */
export function defaultSigma(rgb: tf.Tensor4D): number {
  return Math.min(rgb.shape[1], rgb.shape[2]) / 22;
}

/** [1, h, w, 3] blurred with a separable Gaussian of standard deviation sigma pixels. The caller disposes it. */
export function gaussianBlur(rgb: tf.Tensor4D, sigma = defaultSigma(rgb)): tf.Tensor4D {
  const [, h, w] = rgb.shape;
  const radius = Math.max(1, Math.min(Math.ceil(3 * sigma), h - 1, w - 1));
  const taps = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const total = taps.reduce((a, b) => a + b, 0);
  const kernel = taps.map((t) => t / total);
  return tf.tidy(() => {
    const padded = tf.mirrorPad(
      rgb,
      [
        [0, 0],
        [radius, radius],
        [radius, radius],
        [0, 0],
      ],
      'reflect',
    );
    const across = tf.tile(tf.tensor4d(kernel, [1, kernel.length, 1, 1]), [1, 1, 3, 1]);
    const down = tf.tile(tf.tensor4d(kernel, [kernel.length, 1, 1, 1]), [1, 1, 3, 1]);
    return tf.depthwiseConv2d(tf.depthwiseConv2d(padded, across, 1, 'valid'), down, 1, 'valid');
  });
}
