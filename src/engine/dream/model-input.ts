/** An RGB image in [0, 1] to a model's input, from differentiable ops only (the engine's one preprocessing). */
import type * as tf from '@tensorflow/tfjs-core';
import type { Preprocessing } from '../model/spec.ts';
import { preprocessRgb } from '../image/preprocess.ts';

/** [1, h, w, 3] RGB in [0, 1] to the tensor the network expects (scale, channel order, mean). */
export function toModelInput(rgb: tf.Tensor4D, prep: Preprocessing): tf.Tensor4D {
  return preprocessRgb(rgb, prep, 'unit');
}
