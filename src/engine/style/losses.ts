/**
 * The three terms of Gatys et al.'s objective, normalised as in the TensorFlow style-transfer tutorial
 * (means rather than the paper's sums, so the default weights carry over from the tutorial).
 */
import * as tf from '@tensorflow/tfjs-core';
import { gramMatrix } from './gram.ts';

/** mean((F(x) - F(content))^2) over the content layer's map. */
export function contentLoss(features: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.squaredDifference(features, target)) as tf.Scalar);
}

/** sum_l w_l mean((G_l(x) - G_l(style))^2) / L, over the L style layers. */
export function styleLoss(features: tf.Tensor[], targets: tf.Tensor2D[], weights: number[]): tf.Scalar {
  return tf.tidy(() => {
    const terms = features.map((f, l) =>
      tf.mul(tf.mean(tf.squaredDifference(gramMatrix(f as tf.Tensor4D), targets[l]!)), weights[l]!),
    );
    return tf.div(tf.addN(terms), features.length) as tf.Scalar;
  });
}

/** Sum of absolute differences between neighbouring pixels, down and across (tf.image.total_variation). */
export function totalVariation(image: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const [, h = 0, w = 0, c = 0] = image.shape;
    const down = tf.sub(
      tf.slice(image, [0, 1, 0, 0], [1, h - 1, w, c]),
      tf.slice(image, [0, 0, 0, 0], [1, h - 1, w, c]),
    );
    const across = tf.sub(
      tf.slice(image, [0, 0, 1, 0], [1, h, w - 1, c]),
      tf.slice(image, [0, 0, 0, 0], [1, h, w - 1, c]),
    );
    return tf.add(tf.sum(tf.abs(down)), tf.sum(tf.abs(across))) as tf.Scalar;
  });
}
