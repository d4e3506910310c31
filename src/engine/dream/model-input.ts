/**
 * An RGB image in [0, 1] to a model's input, from differentiable ops only, so gradients flow from the
 * network back to the image. It mirrors `normalise` in image/preprocess.ts (which starts from 0..255).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Preprocessing } from '../../registry/schema.ts';

/** [1, h, w, 3] RGB in [0, 1] to the tensor the network expects (scale, channel order, mean). */
export function toModelInput(rgb: tf.Tensor4D, prep: Preprocessing): tf.Tensor4D {
  return tf.tidy(() => {
    let x: tf.Tensor = prep.scale === 'byte' ? tf.mul(rgb, 255) : rgb;
    if (prep.channelOrder === 'bgr') x = tf.reverse(x, -1);
    if (prep.mean.some((m) => m !== 0)) x = tf.sub(x, tf.tensor1d(prep.mean));
    return x as tf.Tensor4D;
  });
}
